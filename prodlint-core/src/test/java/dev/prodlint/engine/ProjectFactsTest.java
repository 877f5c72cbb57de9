package dev.prodlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fact one file states (axios's process-wide timeout) reaches the rules that check another file. */
class ProjectFactsTest {
    private static final String CALL = """
            import axios from 'axios';
            export async function rates() { return axios.get('http://fx/rates'); }
            """;

    private static List<String> rules(Path dir) throws Exception {
        ScanResult r = new Scanner(new ScanOptions(dir, 2, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false),
                ApiModels.bundled(), RuleRegistry.all()).scan(List.of(dir));
        return r.findings().stream().map(f -> f.finding().rule() + "@" + f.finding().path()).toList();
    }

    @Test
    void axiosDefaultsSetInAnotherFileCoverEveryCall(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rates.ts"), CALL);
        assertThat(rules(dir)).containsExactly("missing-timeout@rates.ts");
        Files.writeString(dir.resolve("server.ts"), "import axios from 'axios';\naxios.defaults.timeout = 5000;\n");
        assertThat(rules(dir)).isEmpty();
    }

    @Test
    void aGlobalUndiciDispatcherCoversTheBuiltInFetch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("client.ts"), "export const get = (u: string) => fetch(u);\n");
        assertThat(rules(dir)).containsExactly("missing-timeout@client.ts");
        Files.writeString(dir.resolve("boot.ts"), "import { Agent, setGlobalDispatcher } from 'undici';\n"
                + "setGlobalDispatcher(new Agent({ headersTimeout: 10_000, bodyTimeout: 30_000 }));\n");
        assertThat(rules(dir)).isEmpty();
    }
}
