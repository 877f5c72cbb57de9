package dev.prodlint.cfg;

/**
 * A control flow edge. TRUE/FALSE leave a condition; EXCEPTION leaves a node that threw.
 * {@code uncheckedOnly} marks an exception edge that passes a typed Java catch by: only exceptions
 * that catch does not name (unchecked ones, for a {@code catch (SQLException e)}) take it.
 */
public record Edge(CfgNode from, CfgNode to, Kind kind, boolean uncheckedOnly) {
    public enum Kind { NORMAL, TRUE, FALSE, EXCEPTION }
}
