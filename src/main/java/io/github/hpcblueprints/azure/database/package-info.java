/** Azure Database resources: the MySQL flexible server that holds Slurm's accounting. */
package io.github.hpcblueprints.azure.database;
