package dev.prodlint.cfg;

/** A control flow edge. TRUE/FALSE leave a condition; EXCEPTION leaves a node that threw. */
public record Edge(CfgNode from, CfgNode to, Kind kind) {
    public enum Kind { NORMAL, TRUE, FALSE, EXCEPTION }
}
