package dev.prodlint.analysis;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.cfg.ControlFlowGraph;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.SourceModule;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Everything the rules share about one file: the model, the API models, types, call
 * classification, and control flow graphs built on demand and cached. Used by one thread.
 */
public final class ModuleContext {
    private final SourceModule module;
    private final ApiModels models;
    private final TypeOracle types;
    private final CallClassifier calls;
    private final Map<FunctionDecl, ControlFlowGraph> cfgs = new IdentityHashMap<>();
    private final ProjectFacts facts;
    private java.util.List<dev.prodlint.analysis.lifecycle.Scope> scopes;
    private dev.prodlint.analysis.request.RequestAnalysis requests;
    private dev.prodlint.analysis.db.DbAnalysis db;

    public ModuleContext(SourceModule module, ApiModels models) {
        this(module, models, ProjectFacts.NONE);
    }

    public ModuleContext(SourceModule module, ApiModels models, ProjectFacts facts) {
        this.facts = facts;
        this.module = module;
        this.models = models;
        this.types = new TypeOracle(module, models);
        this.calls = new CallClassifier(types, models);
        types.setCalls(calls);
    }

    public SourceModule module() {
        return module;
    }

    public ProjectFacts facts() {
        return facts;
    }

    public ApiModels models() {
        return models;
    }

    public TypeOracle types() {
        return types;
    }

    public CallClassifier calls() {
        return calls;
    }

    /** The code that runs once per connection or request, found once for all the rules that ask. */
    public java.util.List<dev.prodlint.analysis.lifecycle.Scope> scopes() {
        if (scopes == null) scopes = dev.prodlint.analysis.lifecycle.Scopes.find(module, dev.prodlint.apimodel.Lifecycles.bundled());
        return scopes;
    }

    /** The file's request handlers and where their values meet the database, found once for the rules that ask. */
    public dev.prodlint.analysis.request.RequestAnalysis requests() {
        if (requests == null) requests = dev.prodlint.analysis.request.RequestAnalysis.of(this);
        return requests;
    }

    /** The file's database operations and the transactions around them, for the rules that ask. */
    public dev.prodlint.analysis.db.DbAnalysis db() {
        if (db == null) db = new dev.prodlint.analysis.db.DbAnalysis(this, facts.summaries().db());
        return db;
    }

    public ControlFlowGraph cfg(FunctionDecl f) {
        return cfgs.computeIfAbsent(f, ControlFlowGraph::build);
    }
}
