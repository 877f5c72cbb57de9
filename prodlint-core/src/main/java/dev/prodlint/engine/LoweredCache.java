package dev.prodlint.engine;

import dev.prodlint.model.SourceModule;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files lowered by the first pass, kept for the second so they need not be parsed again, up to a
 * budget of source size: the oldest go first. Memory then grows with the budget, the largest file
 * and the threads, never with the repository (soft references, used before, let the trees fill the
 * whole heap first). The second pass takes the files in reverse order, so the ones still kept are
 * the first it needs.
 */
final class LoweredCache {
    /** A lowered file takes about 16 bytes of heap per byte of source (measured on a 1M-line repository). */
    private static final long HEAP_PER_SOURCE_BYTE = 16;

    private final long capacityChars;
    private final Map<String, SourceModule> modules = new LinkedHashMap<>();
    private long sizeChars;

    LoweredCache(long capacityChars) {
        this.capacityChars = Math.max(0, capacityChars);
    }

    /** A quarter of the heap at most, and no more than 16 MB of source. */
    static LoweredCache forHeap() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / HEAP_PER_SOURCE_BYTE;
        return new LoweredCache(Math.min(quarter, 16L << 20));
    }

    synchronized void put(String path, SourceModule module) {
        long size = module.text().content().length();
        if (size > capacityChars) return;
        SourceModule old = modules.put(path, module);
        if (old != null) sizeChars -= old.text().content().length();
        sizeChars += size;
        for (Iterator<SourceModule> it = modules.values().iterator(); sizeChars > capacityChars && it.hasNext(); ) {
            sizeChars -= it.next().text().content().length();
            it.remove();
        }
    }

    /** The module kept for this file, taken out of the cache; null when it was not kept. */
    synchronized SourceModule take(String path) {
        SourceModule m = modules.remove(path);
        if (m != null) sizeChars -= m.text().content().length();
        return m;
    }

    synchronized int size() {
        return modules.size();
    }
}
