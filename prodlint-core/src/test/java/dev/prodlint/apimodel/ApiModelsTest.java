package dev.prodlint.apimodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiModelsTest {
    private static ApiModels of(String yaml) {
        return new ApiModels.Builder().add("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).build();
    }

    @Test
    void exactNamesComeBeforeGlobsAndGlobsBeforeStar() {
        ApiModels m = of("""
                library: t
                language: java
                types:
                  - id: "a.Repo"
                    methods:
                      - { names: ["*"], role: factory }
                      - { names: ["find*"], role: db-query }
                      - { names: [findLater], role: no-throw }
                """);
        assertThat(m.methods("a.Repo", "findLater")).extracting(MethodModel::role)
                .containsExactly(Role.NO_THROW, Role.DB_QUERY, Role.FACTORY);
        assertThat(m.methods("a.Repo", "findById")).extracting(MethodModel::role).containsExactly(Role.DB_QUERY, Role.FACTORY);
        assertThat(m.methods("a.Repo", "save")).extracting(MethodModel::role).containsExactly(Role.FACTORY);
    }

    @Test
    void nameHintsStayInTheirLanguage() {
        ApiModels m = ApiModels.bundled();
        assertThat(m.hintedTypes("userRepository", true)).contains("hinted#Repository");
        assertThat(m.hintedTypes("userRepository", false)).doesNotContain("hinted#Repository");
        assertThat(m.hintedTypes("redis", false)).contains("ioredis#default");
        assertThat(m.hintedTypes("redis", true)).doesNotContain("ioredis#default");
    }

    @Test
    void membersAndInProcessAreRead() {
        ApiModels m = ApiModels.bundled();
        assertThat(m.type("@prisma/client#PrismaClient").orElseThrow().memberType("user")).isEqualTo("@prisma/client#ModelDelegate");
        assertThat(m.type("java.util.concurrent.ConcurrentHashMap").orElseThrow().isInProcess()).isTrue();
        assertThat(m.type("ioredis#default").orElseThrow().isInProcess()).isFalse();
    }

    @Test
    void anUnknownRoleNamesTheFile() {
        assertThatThrownBy(() -> of("""
                library: t
                language: javascript
                types:
                  - id: "x#Y"
                    methods: [ { names: [get], role: cache-peek } ]
                """)).hasMessageContaining("test.yaml").hasMessageContaining("cache-peek");
    }
}
