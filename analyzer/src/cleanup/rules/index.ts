import type * as ts from 'typescript';
import type { RoundContext } from '../context';
import { foldExpression } from '../fold';
import { dropEmptyFragment } from '../jsx';
import { collapseStatement } from '../statements';
import { foldValueMember } from '../object-values';
import { inlineValues } from '../variables';
import { dropOffClassNames } from './class-names';
import { dropConstantDependency, unwrapConstantMemo } from './hook-deps';
import { dropEmptyJsxValue } from './jsx-values';
import { spliceLiteralSpread } from './spreads';

/** One simplification: rewrites `node` (adding edits to `ctx`) and says whether it did. */
export type SimplifyRule = (ctx: RoundContext, node: ts.Node) => boolean;

/**
 * The simplification rules, walked bottom-up over every node each round (engine.ts, simplifyRound); the first
 * one that rewrites a node wins for this round. A new construct to clean up is one new module listed here.
 */
export const SIMPLIFY_RULES: readonly SimplifyRule[] = [foldExpression, foldValueMember, collapseStatement, inlineValues, dropEmptyFragment, dropEmptyJsxValue, dropConstantDependency, unwrapConstantMemo, dropOffClassNames, spliceLiteralSpread];
