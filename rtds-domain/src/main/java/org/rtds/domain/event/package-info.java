/**
 * Domain events: how ingestion tells the rest of RTDS that something was stored, without knowing
 * who listens (ARCHITECTURE.md, event catalogue). Events are fired inside the transaction that made
 * the change; observers that act on them declare {@code TransactionPhase.AFTER_SUCCESS}, so they
 * see only committed data. Events carry ids, never entities, and are hints: the database (e.g.
 * {@code rtds_feature_job}) is the truth, so a lost event delays work but loses none.
 */
package org.rtds.domain.event;
