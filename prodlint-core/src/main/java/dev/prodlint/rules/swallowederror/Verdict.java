package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;

/**
 * One finding before it is worded.
 *
 * @param at     where it points
 * @param node   the node it is about (the catch, the log call, the throw, the floating call)
 * @param work   what the guarded code did, for the message
 * @param detail a short fact the message uses (the log call, the thrown type, how the catch answers)
 */
record Verdict(Form form, SourceRange at, Node node, GuardedWork.Result work, String detail) {
}
