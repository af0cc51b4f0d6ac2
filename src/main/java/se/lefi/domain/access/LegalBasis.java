package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;

import se.lefi.domain.party.PartyKind;

/** One row of the legal-basis catalogue: a kind of party may state a purpose under a cited basis. */
public record LegalBasis(PartyKind partyKind, Purpose purpose, String citation, ExtraCondition condition) {
}
