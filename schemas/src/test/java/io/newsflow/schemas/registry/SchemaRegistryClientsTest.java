package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    @Test
    void shouldShareInMemoryRegistryByName() {
        SchemaRegistryClient a = SchemaRegistryClients.forUrl("mem://shared-by-name");
        SchemaRegistryClient b = SchemaRegistryClients.forUrl("mem://shared-by-name");
        SchemaRegistryClient other = SchemaRegistryClients.forUrl("mem://another-name");

        assertThat(a).isInstanceOf(InMemorySchemaRegistryClient.class).isSameAs(b);
        assertThat(other).isNotSameAs(a);
        assertThat(a.url()).isEqualTo("mem://shared-by-name");
    }

    @Test
    void shouldStartEmptyAfterDroppingInMemoryRegistry() {
        SchemaRegistryClient before = SchemaRegistryClients.forUrl("mem://dropped");
        InMemoryRegistries.drop("dropped");

        assertThat(SchemaRegistryClients.forUrl("mem://dropped")).isNotSameAs(before);
    }

    @Test
    void shouldUseRestClientForHttpUrlsWithoutTrailingSlash() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl("http://127.0.0.1:8081/apis/ccompat/v7/");

        assertThat(client).isInstanceOf(RestSchemaRegistryClient.class);
        assertThat(client.url()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
    }

    @Test
    void shouldRejectUrlThatIsNeitherHttpNorMem() {
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl("127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:8081")
                .hasMessageContaining("http(s)://");
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl("mem://"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a name");
    }
}
