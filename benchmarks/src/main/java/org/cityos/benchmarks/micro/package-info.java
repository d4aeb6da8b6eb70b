/** JMH micro-benchmarks, each measured side by side with its baseline in the same JMH run. */
package org.cityos.benchmarks.micro;
