/**
 * Located problems shared by every layer: {@link io.github.hpcblueprints.diagnostics.Location},
 * {@link io.github.hpcblueprints.diagnostics.Problem} and the single unchecked
 * {@link io.github.hpcblueprints.diagnostics.BlueprintException}.
 */
package io.github.hpcblueprints.diagnostics;
