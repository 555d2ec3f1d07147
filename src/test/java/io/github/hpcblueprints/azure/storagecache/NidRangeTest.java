package io.github.hpcblueprints.azure.storagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.azure.network.Cidr;
import org.junit.jupiter.api.Test;

/** Lustre names trusted clients by NID ranges ({@code 10.40.[16-31].[0-255]@tcp}), one per network. */
class NidRangeTest {

    @Test
    void aNetworkIsTheNidRangeOfItsAddresses() {
        assertThat(AmlFilesystem.nidRange(Cidr.parse("10.40.16.0/20"))).isEqualTo("10.40.[16-31].[0-255]@tcp");
        assertThat(AmlFilesystem.nidRange(Cidr.parse("10.40.0.0/24"))).isEqualTo("10.40.0.[0-255]@tcp");
        assertThat(AmlFilesystem.nidRange(Cidr.parse("10.40.1.32/27"))).isEqualTo("10.40.1.[32-63]@tcp");
        assertThat(AmlFilesystem.nidRange(Cidr.parse("172.16.0.0/12"))).isEqualTo("172.[16-31].[0-255].[0-255]@tcp");
    }
}
