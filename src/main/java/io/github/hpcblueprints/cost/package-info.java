/**
 * What an environment costs: the shipped, dated price table ({@link io.github.hpcblueprints.cost.PriceTable}) that
 * estimates read, with no network at run time.
 */
package io.github.hpcblueprints.cost;
