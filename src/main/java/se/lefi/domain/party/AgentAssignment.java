package se.lefi.domain.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * An agent's (ombud's) assignment from a principal authority, under their data-processing
 * agreement (personuppgiftsbiträdesavtal). The agent may act for the principal only while it lasts.
 */
@Entity
@Table(name = "AGENT_ASSIGNMENT")
@NamedQuery(name = AgentAssignment.BETWEEN,
        query = "select a from AgentAssignment a where a.agent = :agent and a.principal = :principal order by a.id desc")
public class AgentAssignment {
    public static final String BETWEEN = "AgentAssignment.between";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "AGENT_ASSIGNMENT_SEQ")
    @SequenceGenerator(name = "AGENT_ASSIGNMENT_SEQ", sequenceName = "AGENT_ASSIGNMENT_SEQ", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "AGENT_ID")
    private Organisation agent;

    @ManyToOne(optional = false)
    @JoinColumn(name = "PRINCIPAL_ID")
    private Organisation principal;

    @Column(name = "FROM_DATE", nullable = false)
    private LocalDate from;

    @Column(name = "CEASED_FROM")
    private LocalDate ceasedFrom;

    protected AgentAssignment() {
    }

    public AgentAssignment(Organisation agent, Organisation principal, LocalDate from) {
        this.agent = agent;
        this.principal = principal;
        this.from = from;
    }

    /** The cessation takes effect from {@code day}: from then on the agent may not act for the principal. */
    public void ceaseFrom(LocalDate day) {
        this.ceasedFrom = day;
    }

    /** As {@link #ceaseFrom(LocalDate)}, refused when a cessation is already in effect on {@code today}. */
    public void ceaseFrom(LocalDate day, LocalDate today) {
        if (ceasedFrom != null && !today.isBefore(ceasedFrom)) {
            throw new LifecycleException(LifecycleException.Code.NO_LIVE_ASSIGNMENT, "The assignment has already ceased.");
        }
        ceaseFrom(day);
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate ceasedFrom() {
        return ceasedFrom;
    }

    public boolean isLiveOn(LocalDate day) {
        return !day.isBefore(from) && (ceasedFrom == null || day.isBefore(ceasedFrom));
    }

    public Organisation agent() {
        return agent;
    }

    public Organisation principal() {
        return principal;
    }
}
