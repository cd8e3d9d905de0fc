export { describeSyntaxError, parseSource, scriptKindFor, syntaxErrors, type ParseOptions } from './parse';
