package org.cityos.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixIndexTest {
    @Test
    void findsExactlyTheValuesWhoseBeginningTheTextHas() {
        PrefixIndex<String> index = new PrefixIndex<>();
        index.add("/api/casework/cases/", "case");
        index.add("/api/casework/", "casework");
        index.add("/api/cases", "not-a-beginning-of-casework");
        index.add("", "anywhere");
        index.add("/api/share/v1/", "share");

        assertThat(index.startingWith("/api/casework/cases/cas_1/sign"))
                .containsExactly("anywhere", "casework", "case");
        assertThat(index.startingWith("/api/share/v1/g1/rows")).containsExactly("anywhere", "share");
        assertThat(index.startingWith("/other")).containsExactly("anywhere");
        assertThat(index.startingWith("")).containsExactly("anywhere");
    }

    @Test
    void aValueUnderTwoBeginningsOfOnePathIsFoundOnce() {
        PrefixIndex<String> index = new PrefixIndex<>();
        String mapping = "two patterns";
        index.add("/api/devices", mapping);
        index.add("/api/devices/", mapping);
        index.add("/api/devices", mapping);

        assertThat(index.startingWith("/api/devices/dev_1")).containsExactly(mapping);
        assertThat(index.startingWith("/api/device")).isEmpty();
    }
}
