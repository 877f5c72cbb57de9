package dev.prodlint.frontend.java;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.SourcePositions;
import java.util.List;
import javax.tools.Diagnostic;

/** One file as javac parsed it: the tree, its positions, and the syntax errors reported. */
record ParsedJava(CompilationUnitTree unit, SourcePositions positions, List<Diagnostic<?>> errors) {
}
