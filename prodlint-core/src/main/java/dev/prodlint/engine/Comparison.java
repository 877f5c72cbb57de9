package dev.prodlint.engine;

/**
 * What a scan was compared against, so the JSON and SARIF reports say it and not only stderr: the
 * findings a baseline hid (and its entries that match nothing any more), and what `--new-since`
 * compared. Either part is null when that comparison was not asked for.
 */
public record Comparison(BaselineSummary baseline, NewSinceSummary newSince) {
    public static final Comparison NONE = new Comparison(null, null);

    /**
     * @param stale baseline entries that match no finding today (prune them by rewriting the file);
     *              null when the scan covered only part of the tree and cannot tell
     */
    public record BaselineSummary(String file, int hidden, Integer stale) {
    }

    /** @param before findings in the changed files at the revision; now: in them today; added: reported as new */
    public record NewSinceSummary(String revision, int changedFiles, int before, int now, int added) {
    }

    public boolean isEmpty() {
        return baseline == null && newSince == null;
    }

    public Comparison withBaseline(BaselineSummary b) {
        return new Comparison(b, newSince);
    }

    public Comparison withNewSince(NewSinceSummary n) {
        return new Comparison(baseline, n);
    }
}
