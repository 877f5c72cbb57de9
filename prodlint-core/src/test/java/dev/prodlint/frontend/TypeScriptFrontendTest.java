package dev.prodlint.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodlint.Lowered;
import dev.prodlint.frontend.ts.TypeScriptFrontend;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Template;
import dev.prodlint.model.stmt.Try;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeScriptFrontendTest {
    @Test
    void importsAndRequiresBecomeImports() {
        SourceModule m = Lowered.ts("""
                import { Pool as PgPool } from 'pg';
                import mysql from 'mysql2/promise';
                import * as gp from 'generic-pool';
                import type { Foo } from './types';
                const express = require('express');
                const { Router, json: parseJson } = require('express');
                """);
        assertThat(m.imports()).extracting(Import::module, Import::imported, Import::local).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pg", "Pool", "PgPool"),
                org.assertj.core.groups.Tuple.tuple("mysql2/promise", "default", "mysql"),
                org.assertj.core.groups.Tuple.tuple("generic-pool", "*", "gp"),
                org.assertj.core.groups.Tuple.tuple("express", "*", "express"),
                org.assertj.core.groups.Tuple.tuple("express", "Router", "Router"),
                org.assertj.core.groups.Tuple.tuple("express", "json", "parseJson"));
    }

    @Test
    void classesKeepFieldsFromParameterPropertiesDecoratorsAndMethods() {
        SourceModule m = Lowered.ts("""
                import { Pool } from 'pg';
                @Injectable()
                export class OrderService {
                  private cache = new Map<string, string>();
                  constructor(private readonly pool: Pool, name: string) {}
                  @Get(':id')
                  async find(@Param('id') id: string) { return this.pool.query('SELECT 1'); }
                }
                """);
        ClassDecl c = Lowered.all(m, ClassDecl.class).get(0);
        assertThat(c.name()).isEqualTo("OrderService");
        assertThat(c.annotations()).extracting(a -> a.name()).containsExactly("Injectable");
        assertThat(c.fields()).extracting(FieldDecl::name).containsExactly("cache", "pool");
        assertThat(c.field("pool").get().type().name()).isEqualTo("Pool");
        FunctionDecl find = c.methods("find").get(0);
        assertThat(find.isAsync()).isTrue();
        assertThat(find.annotations().get(0).name()).isEqualTo("Get");
        assertThat(find.params().get(0).annotations().get(0).name()).isEqualTo("Param");
    }

    @Test
    void arrowsCallbacksAndTemplatesKeepTheirParts() {
        SourceModule m = Lowered.ts("""
                const handler = async (req, res) => res.json(await db.query(`SELECT * FROM t WHERE id = ${req.params.id}`));
                app.get('/x', function named(req, res) { res.send('ok'); });
                """);
        FunctionDecl handler = Lowered.function(m, "handler");
        assertThat(handler.kind()).isEqualTo(FunctionDecl.Kind.ARROW);
        assertThat(handler.params()).extracting(p -> p.name()).containsExactly("req", "res");
        Template t = Lowered.all(m, Template.class).get(0);
        assertThat(t.textWith("?")).isEqualTo("SELECT * FROM t WHERE id = ?");
        Call get = Lowered.all(m, Call.class).stream().filter(c -> "get".equals(c.methodName())).findFirst().orElseThrow();
        assertThat(get.arg(1)).isInstanceOf(Lambda.class);
        assertThat(((Lambda) get.arg(1)).function().name()).isEqualTo("named");
    }

    @Test
    void destructuringParametersAndTryFinallyAreLowered() {
        SourceModule m = Lowered.ts("""
                async function f({ id, ...rest }: Input, [first] = []) {
                  try { await g(id); } catch { } finally { h(rest, first); }
                }
                """);
        FunctionDecl f = Lowered.function(m, "f");
        assertThat(f.params()).hasSize(2);
        List<Name> names = Lowered.all(f.body(), Name.class);
        assertThat(names).filteredOn(n -> n.id().equals("rest")).allMatch(n -> n.symbol() != null);
        Try t = Lowered.all(f, Try.class).get(0);
        assertThat(t.catches()).hasSize(1);
        assertThat(t.catches().get(0).param()).isNull();
        assertThat(t.finalizer()).isNotNull();
    }

    @Test
    void positionsCountUtf16UnitsAfterEmoji() {
        SourceModule m = Lowered.ts("const s = '😀é'; const zz = s;\n");
        Name zz = Lowered.all(m, Name.class).stream().filter(n -> n.id().equals("zz")).findFirst().orElseThrow();
        assertThat(m.text().slice(zz.range())).isEqualTo("zz");
        assertThat(zz.range().startLine()).isEqualTo(1);
    }

    @Test
    void bigIntLiteralsAndComputedMembersLower() {
        SourceModule m = Lowered.ts("""
                export const LIMIT = 10n;
                class A { [Symbol.iterator]() { return null; } ['x'] = 1; total = 0x1Fn * 2n; }
                """);
        ClassDecl a = Lowered.all(m, ClassDecl.class).get(0);
        assertThat(a.fields()).extracting(FieldDecl::name).containsExactly("x", "total");
        assertThat(a.methods()).extracting(FunctionDecl::name).containsExactly("[Symbol.iterator]");
    }

    @Test
    void legacyDecoratorsBeforeExportParseWithPositionsKept() {
        SourceModule m = Lowered.lower(Language.JAVASCRIPT, """
                @inject('store')
                @withStyles(theme => ({ '@global': { body: { margin: theme.spacing(1) } } }))
                /** Orders page. */
                export default class Orders extends React.Component {
                  load() { return this.props.store.fetch(); }
                }
                """);
        ClassDecl c = Lowered.all(m, ClassDecl.class).get(0);
        assertThat(c.name()).isEqualTo("Orders");
        Call fetch = Lowered.all(m, Call.class).stream().filter(x -> "fetch".equals(x.methodName())).findFirst().orElseThrow();
        assertThat(fetch.range().startLine()).isEqualTo(5);
        assertThat(m.text().slice(fetch.range())).isEqualTo("this.props.store.fetch()");
    }

    @Test
    void brokenLegacyDecoratorsFailCleanly() {
        TypeScriptFrontend fe = new TypeScriptFrontend();
        assertThatThrownBy(() -> fe.lower("x.jsx", Language.JAVASCRIPT, "@dec(a, 'unterminated\nexport default class A {}\n@x"))
                .isInstanceOf(ParseFailure.class);
    }

    @Test
    void tsxAndJsxParse() {
        SourceModule tsx = Lowered.lower(Language.TSX, "export const A = () => <div onClick={() => save()}>{items.map(i => <b>{i}</b>)}</div>;\n");
        assertThat(Lowered.all(tsx, Call.class)).extracting(Call::methodName).contains("save", "map");
        SourceModule jsx = Lowered.lower(Language.JAVASCRIPT, "module.exports = function B() { return <p>{load()}</p>; };\n");
        assertThat(Lowered.all(jsx, Call.class)).extracting(Call::methodName).contains("load");
    }

    @Test
    void syntaxErrorsAndHostileNestingFailCleanly() {
        TypeScriptFrontend fe = new TypeScriptFrontend();
        assertThatThrownBy(() -> fe.lower("x.ts", Language.TYPESCRIPT, "const = ;"))
                .isInstanceOf(ParseFailure.class).hasMessageContaining("syntax error");
        String deep = "const x = " + "[".repeat(2000) + "]".repeat(2000) + ";";
        assertThatThrownBy(() -> fe.lower("x.ts", Language.TYPESCRIPT, deep))
                .isInstanceOf(ParseFailure.class).hasMessageContaining("nesting");
        String jsx = "const x = " + "<a>".repeat(1500) + "</a>".repeat(1500) + ";";
        assertThatThrownBy(() -> fe.lower("x.tsx", Language.TSX, jsx))
                .isInstanceOf(ParseFailure.class).hasMessageContaining("nesting");
    }
}
