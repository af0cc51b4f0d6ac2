package se.lefi.domain.access;

/**
 * A question asked under an actor registration (LEFI Förmånsinformation v9, directly or inside
 * SSBTEK). {@code question} has no purpose and no principal: the registration supplies them.
 * {@code submission} is SSBTEK's general parameters, or null for a direct v9 call.
 */
public record ActorQuestion(String actorId, BenefitQuestion question, Submission submission) {
}
