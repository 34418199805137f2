/**
 * JMH benchmarks of Vigía. Build and run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar [regex]
 * </pre>
 *
 * Results go to BENCHMARKS.md with the command and the machine.
 */
package org.vigia.benchmarks;
