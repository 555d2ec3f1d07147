package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * uniqueString() and guid() give the values Azure gives. ARM does not document either algorithm, so the expected
 * values are ones published by people who ran ARM or Bicep, each source named.
 */
class HashesTest {

    /**
     * Sources: microsoft/commercial-marketplace-offer-deploy's unit test of ArmFunctions.UniqueString (namespace
     * Modm.Tests.UnitTests; it calls Azure.Deployments.Expression, ARM's own function library, on a resource id; an
     * earlier copy of that test, test/Tests/ArmFunctionsTests.cs, expected yeygmhukyx3qg and was replaced); the
     * uniquestring.sh self-test ("verified against Bicep uniqueString()
     * output"); and a Python test suite whose values were "checked against Bicep CLI 0.48.1 (bicep console)". The
     * inputs cover every tail length of the 8-byte blocks (1, 2, 3, 7, 8, 9, 13 bytes), several arguments, and UTF-8.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/resourceGroups/rg-modm201-20230913120256/providers/"
            + "Microsoft.Compute/virtualMachines/bobjacmodm201|yvjxno3je5on2",
        "test|rbgf3xv4ufgzg",
        "hello,world|a7wkljktk6wne",
        "abc|cgtzqvhu4i23s",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg|bmg7c6xu4tw46",
        "foo,bar,baz|xzi4ioaxtmth4",
        "/subscriptions/f27c2614-6558-5b71-a7d0-35feaa9a9e01/resourceGroups/rg-invoice-ingest-prod|os4tnuguwk72e",
        "a|eveiun73364hy",
        "ab|twldla3s3qb3q",
        "abcdefg|logmp4qgzfm46",
        "abcdefgh|q7ncvd5x2rx4e",
        "abcdefghi|zignisl6otg3u",
        "abcdefghijklm|drrqz7xt5wi54",
        "/subscriptions/x/resourceGroups/rg-a,eastus2|vahbmjcrjob36",
        "déjà vu|sjpsqt4vlgjwo",
    })
    void uniqueStringMatchesPublishedValues(String args, String expected) {
        assertThat(Hashes.uniqueString(List.of(args.split(",")))).isEqualTo(expected);
    }

    /**
     * guid(): an RFC 4122 version-5 UUID of the arguments joined with '-' in ARM's namespace, as Terraform users
     * reproduce Bicep's role assignment names with uuidv5("11fb06fb-712d-4ddd-98c7-e71bbd588830", join("-", ...)).
     * The version-5 construction itself is checked against RFC 4122's own published example (the DNS namespace and
     * "www.example.com", errata 1352/1428 value 2ed6657d-e927-568b-95e1-2665a8aea6a2).
     */
    @Test
    void guidIsAVersionFiveUuidInArmsNamespace() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Hashes.nameBasedUuid(dns, "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
        String g = Hashes.guid(List.of("/subscriptions/x/resourceGroups/rg-a", "reader"));
        assertThat(g).isEqualTo(Hashes.nameBasedUuid(UUID.fromString("11fb06fb-712d-4ddd-98c7-e71bbd588830"),
                "/subscriptions/x/resourceGroups/rg-a-reader").toString());
        assertThat(UUID.fromString(g).version()).isEqualTo(5);
        assertThat(UUID.fromString(g).variant()).isEqualTo(2);
    }
}
