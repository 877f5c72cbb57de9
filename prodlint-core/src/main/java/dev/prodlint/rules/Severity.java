package dev.prodlint.rules;

/** How bad a finding is; maps to SARIF levels. */
public enum Severity {
    ERROR("error"), WARNING("warning"), NOTE("note");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
