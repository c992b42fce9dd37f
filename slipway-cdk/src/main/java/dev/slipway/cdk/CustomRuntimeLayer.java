package dev.slipway.cdk;

import dev.slipway.packaging.RuntimeLayerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * A custom runtime layer as {@code slipway runtime-layer} writes it, checked against the function zip it is deployed
 * with: its AOT cache holds the classes of the zip it was trained on (a JVM does not notice other jars of the same
 * names), so another zip is refused here rather than run with stale classes; and its JVM is for one architecture.
 */
record CustomRuntimeLayer(Path zip, Architecture architecture) {

    static CustomRuntimeLayer of(Path layerZip, Path functionZip) {
        if (!Files.isRegularFile(layerZip)) {
            throw new IllegalArgumentException("No custom runtime layer at " + layerZip.toAbsolutePath()
                    + ". Build it with the function (the example's ./mvnw package does on JDK 25; else slipway"
                    + " runtime-layer ZIP --handler ...), then synth.");
        }
        try {
            String trainedOn = RuntimeLayerFiles.read(layerZip, RuntimeLayerFiles.TRAINED_ON);
            String function = dev.slipway.packaging.FileHash.sha256(functionZip);
            if (!trainedOn.equals(function)) {
                throw new IllegalArgumentException("The custom runtime layer " + layerZip.getFileName()
                        + " was trained on another build of the function than " + functionZip.getFileName()
                        + " (its AOT cache holds that build's classes). Build both again (./mvnw package), then"
                        + " synth.");
            }
            String arch = RuntimeLayerFiles.read(layerZip, RuntimeLayerFiles.ARCHITECTURE);
            Architecture architecture = switch (arch) {
                case "x86_64" -> Architecture.X86_64;
                case "arm64" -> Architecture.ARM_64;
                default ->
                    throw new IllegalArgumentException(
                            layerZip + " names an architecture Lambda does not run: " + arch);
            };
            return new CustomRuntimeLayer(layerZip, architecture);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the custom runtime layer " + layerZip, e);
        }
    }

    LayerVersion layer(Construct scope, String id) {
        return LayerVersion.Builder.create(scope, id)
                .code(Code.fromAsset(zip.toString()))
                .compatibleRuntimes(List.of(Runtime.PROVIDED_AL2023))
                .compatibleArchitectures(List.of(architecture))
                .description("Slipway custom runtime: jlinked JDK, AWS runtime interface client, AOT cache of "
                        + zip.getFileName())
                .build();
    }
}
