package dev.prodlint.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodlint.Lowered;
import dev.prodlint.frontend.java.JavaFrontend;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.expr.Unary;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.SwitchCase;
import java.util.List;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;
import org.junit.jupiter.api.Test;

class JavaFrontendTest {
    private static final String SERVICE = """
            package app;

            import java.sql.*;
            import javax.sql.DataSource;
            import static java.util.Objects.requireNonNull;

            @Service
            public class Orders {
                private final DataSource dataSource;

                Orders(DataSource dataSource) { this.dataSource = requireNonNull(dataSource); }

                @Transactional(readOnly = true)
                public int count(@RequestParam String status) throws SQLException {
                    try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT 1")) {
                        ResultSet rs = ps.executeQuery();
                        return rs.next() ? rs.getInt(1) : 0;
                    } catch (SQLException | RuntimeException e) {
                        throw e;
                    }
                }
            }
            """;

    @Test
    void lowersImportsClassesAnnotationsAndTryWithResources() {
        SourceModule m = Lowered.java(SERVICE);
        assertThat(m.imports()).extracting(Import::kind).containsExactly(Import.Kind.JAVA, Import.Kind.JAVA, Import.Kind.JAVA_STATIC);
        ClassDecl c = m.classes().get(0);
        assertThat(c.annotations().get(0).name()).isEqualTo("Service");
        assertThat(c.field("dataSource").get().type().name()).isEqualTo("DataSource");
        FunctionDecl count = c.methods("count").get(0);
        assertThat(count.annotations().get(0).arguments()).containsKey("readOnly");
        assertThat(count.params().get(0).annotations().get(0).name()).isEqualTo("RequestParam");
        Try t = Lowered.all(count, Try.class).get(0);
        assertThat(t.resources()).hasSize(2);
        assertThat(t.catches().get(0).types()).hasSize(2);
        VarDecl ps = (VarDecl) t.resources().get(1);
        assertThat(ps.type()).isNull();
    }

    @Test
    void unqualifiedFieldNamesResolveToFields() {
        SourceModule m = Lowered.java(SERVICE);
        Call getConnection = Lowered.all(m, Call.class).stream()
                .filter(x -> "getConnection".equals(x.methodName())).findFirst().orElseThrow();
        Name receiver = (Name) getConnection.receiver();
        assertThat(receiver.symbol().kind()).isEqualTo(Symbol.Kind.FIELD);
        assertThat(receiver.symbol().declaredType().name()).isEqualTo("DataSource");
    }

    @Test
    void localTypesAndLambdasResolve() {
        SourceModule m = Lowered.java("""
                class A {
                    void run(java.util.List<String> xs) {
                        Runnable r = () -> xs.forEach(x -> System.out.println(x));
                        for (String s : xs) { System.out.println(s); }
                    }
                }
                """);
        assertThat(Lowered.all(m, Name.class)).filteredOn(n -> n.id().equals("xs")).allMatch(n -> n.symbol() != null);
        assertThat(Lowered.all(m, Name.class)).filteredOn(n -> n.id().equals("s")).allMatch(n -> n.symbol() != null);
    }

    @Test
    void javacTreesAreLoweredToTheModelsConventions() {
        SourceModule m = Lowered.java("""
                class A {
                    byte legacy[];
                    void f(java.util.List<String>... names) throws Exception {
                        try (java.sql.Connection c = ds.getConnection()) { c.commit(); }
                        switch (names.length) { case 1 -> run(); default -> { } }
                        int y = switch (names.length) { case 1 -> 2; default -> -1; };
                    }
                    enum E { ONE { void g() { } }, TWO }
                    record R(int x) { R { if (x < 0) throw new IllegalArgumentException(); } }
                    static { init(); }
                }
                """);
        ClassDecl a = m.classes().get(0);
        FieldDecl legacy = a.field("legacy").orElseThrow();
        assertThat(legacy.range().startColumn()).as("a variable starts at its name").isEqualTo(10);
        dev.prodlint.model.Param names = a.methods("f").get(0).params().get(0);
        assertThat(names.isRest()).isTrue();
        assertThat(names.type().name()).isEqualTo("java.util.List[]");
        assertThat(names.type().arguments()).extracting(dev.prodlint.model.TypeRef::name).containsExactly("String");
        VarDecl c = Lowered.all(m, Try.class).get(0).resources().stream().map(VarDecl.class::cast).findFirst().orElseThrow();
        assertThat(c.kind()).as("javac's implicit final on resources is not the code's").isEqualTo(VarDecl.Kind.JAVA);
        List<SwitchCase> cases = Lowered.all(m, SwitchCase.class);
        assertThat(cases.get(0).body().get(0)).as("a switch statement's arrow runs a statement").isInstanceOf(ExprStmt.class);
        assertThat(cases.get(2).body().get(0)).as("a switch expression's arrow gives a value").isInstanceOf(Return.class);
        assertThat(Lowered.all(m, Unary.class)).extracting(Unary::op).containsExactly("-");
        ClassDecl e = a.nestedClasses().stream().filter(x -> x.name().equals("E")).findFirst().orElseThrow();
        assertThat(e.nestedClasses()).extracting(ClassDecl::name).containsExactly("ONE");
        ClassDecl r = a.nestedClasses().stream().filter(x -> x.name().equals("R")).findFirst().orElseThrow();
        assertThat(r.field("x")).isPresent();
        assertThat(r.methods("R")).as("the compact constructor").hasSize(1);
        assertThat(a.methods("<clinit>")).hasSize(1);
    }

    @Test
    void syntaxErrorsFailWithALine() {
        assertThatThrownBy(() -> new JavaFrontend().lower("A.java", Language.JAVA, "class A {\n void f( {\n}"))
                .isInstanceOf(ParseFailure.class)
                .satisfies(e -> assertThat(((ParseFailure) e).line()).isGreaterThan(0));
    }
}
