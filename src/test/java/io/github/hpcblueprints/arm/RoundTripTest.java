package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void readingTheWrittenGoldenTemplateGivesAnEqualModel() {
        Template t = SampleTemplates.networkAndStorage();
        Template back = ArmReader.readTemplate(ArmJsonWriter.write(t));
        assertThat(back).isEqualTo(t);
        assertThat(ArmJsonWriter.write(back)).isEqualTo(ArmJsonWriter.write(t));
    }

    @Test
    void seededRandomTemplatesSurviveWriteAndRead() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 300; i++) {
            Template t = RandomTemplates.template(random);
            String text = ArmJsonWriter.write(t);
            Template back = ArmReader.readTemplate(text);
            assertThat(back).as("template %d:%n%s", i, text).isEqualTo(t);
        }
    }

    @Test
    void existingResourcesRoundTripThroughMetadata() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        ResourceRef vnet = b.existing(Resource.builder("Microsoft.Network/virtualNetworks", "2025-07-01", "hub-vnet")
                .build());
        b.output(Output.string("vnetId", vnet.id()));
        Template t = b.build();
        Template back = ArmReader.readTemplate(ArmJsonWriter.write(t));
        assertThat(back.existingResources()).hasSize(1);
        assertThat(back).isEqualTo(t);
    }
}
