package dev.prodlint.frontend.java;

import com.sun.source.tree.Tree;

/** javac's operator kinds as the model spells them ({@code +}, {@code &&}, {@code ++}). */
final class Operators {
    private Operators() {
    }

    static String of(Tree.Kind kind) {
        return switch (kind) {
            case PLUS, PLUS_ASSIGNMENT, UNARY_PLUS -> "+";
            case MINUS, MINUS_ASSIGNMENT, UNARY_MINUS -> "-";
            case MULTIPLY, MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE, DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER, REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT, LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT, RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND, AND_ASSIGNMENT -> "&";
            case OR, OR_ASSIGNMENT -> "|";
            case XOR, XOR_ASSIGNMENT -> "^";
            case CONDITIONAL_AND -> "&&";
            case CONDITIONAL_OR -> "||";
            case EQUAL_TO -> "==";
            case NOT_EQUAL_TO -> "!=";
            case LESS_THAN -> "<";
            case GREATER_THAN -> ">";
            case LESS_THAN_EQUAL -> "<=";
            case GREATER_THAN_EQUAL -> ">=";
            case PREFIX_INCREMENT, POSTFIX_INCREMENT -> "++";
            case PREFIX_DECREMENT, POSTFIX_DECREMENT -> "--";
            case LOGICAL_COMPLEMENT -> "!";
            case BITWISE_COMPLEMENT -> "~";
            default -> kind.name();
        };
    }

    static boolean isPrefix(Tree.Kind kind) {
        return kind != Tree.Kind.POSTFIX_INCREMENT && kind != Tree.Kind.POSTFIX_DECREMENT;
    }
}
