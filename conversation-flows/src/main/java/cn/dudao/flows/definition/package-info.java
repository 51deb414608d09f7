/**
 * Flow definitions: the YAML format, its loader and the validator that reports every problem with
 * its path. A {@link cn.dudao.flows.definition.Flow} is immutable and precompiled once at load.
 */
package cn.dudao.flows.definition;
