export { parseFlagAnnotation, checkDate, FLAG_TAGS, DEFAULT_FLAG_TYPES, type AnnotationOptions } from './annotations';
export { KeyResolver, pathText, type KeyResolution, type DeclarationRef, type Value } from './resolve';
export { ModuleResolver, readFileFromDisk, type ReadFile, type ModuleLookup } from './modules';
export { sourceFileLocator, textLocator, nodeRange, type Locator } from './locate';
export { parseSource, scriptKindFor } from '../ast';
export { catastrophicBacktracking } from './safe-regex';
export { keyViolations, keyViolationMessage, hasKeyPolicy, namingFindings, violationData, KEY_VIOLATION_MESSAGES, type KeyViolation, type NamingFinding } from './naming';
