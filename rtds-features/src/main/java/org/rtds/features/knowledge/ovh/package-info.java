/** See {@link org.rtds.features.knowledge}. */
package org.rtds.features.knowledge.ovh;
