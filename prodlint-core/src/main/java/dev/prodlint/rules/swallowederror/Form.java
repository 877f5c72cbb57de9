package dev.prodlint.rules.swallowederror;

import dev.prodlint.rules.Severity;

/** The ways a failure vanishes or loses what it takes to debug it; each has its own message. */
enum Form {
    DISCARDED(Severity.WARNING),
    FAILURE_UNLOGGED(Severity.WARNING),
    LOGGED_WITHOUT_ERROR(Severity.WARNING),
    STACK_DROPPED(Severity.WARNING),
    PRINTED(Severity.WARNING),
    NO_CONTEXT(Severity.NOTE),
    CAUSE_DROPPED(Severity.WARNING),
    FLOATING(Severity.WARNING),
    UNOBSERVED_TASK(Severity.WARNING),
    INTERRUPT(Severity.WARNING);

    final Severity severity;

    Form(Severity severity) {
        this.severity = severity;
    }
}
