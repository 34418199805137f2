package org.vigia.bot.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.vigia.core.config.VigiaSettings;

/**
 * The policy settings of DESIGN.md ({@code vigia.policy.*}, from the VIGIA_* environment variables of
 * application.yml). Validation is core's: {@link #toSettings()} fails at startup with the field and the
 * limit when a value is out of range.
 */
@ConfigurationProperties("vigia.policy")
record PolicyProperties(@DefaultValue("300") double mergeRadiusMeters, @DefaultValue("45m") Duration mergeWindow,
		@DefaultValue("5") int dispatchObservers, @DefaultValue("3000") double dispatchRadiusMeters,
		@DefaultValue("6000") double dispatchWidenedRadiusMeters, @DefaultValue("5m") Duration dispatchWidenAfter,
		@DefaultValue("3m") Duration dispatchAnswerWithin,
		@DefaultValue("2") int quorumObservers, @DefaultValue("14d") Duration quorumNewcomers,
		@DefaultValue("60m") Duration unverifiedDeadline,
		@DefaultValue("2h") Duration alertStaleAfter, @DefaultValue("4h") Duration alertEndAfter,
		@DefaultValue("4h") Duration retentionAfterClose, @DefaultValue("12h") Duration retentionOpen,
		@DefaultValue("30m") Duration conversationTimeout, @DefaultValue("2h") Duration onDutyPositionTimeout,
		@DefaultValue("3") int rateBurst, @DefaultValue("5m") Duration rateBurstWindow,
		@DefaultValue("20") int rateDaily) {

	VigiaSettings toSettings() {
		return new VigiaSettings(new VigiaSettings.Clustering(mergeRadiusMeters, mergeWindow),
				new VigiaSettings.Dispatch(dispatchObservers, dispatchRadiusMeters, dispatchWidenedRadiusMeters,
						dispatchWidenAfter, dispatchAnswerWithin),
				new VigiaSettings.Quorum(quorumObservers, quorumNewcomers),
				new VigiaSettings.Deadlines(unverifiedDeadline, alertStaleAfter, alertEndAfter),
				new VigiaSettings.Retention(retentionAfterClose, retentionOpen, conversationTimeout,
						onDutyPositionTimeout),
				new VigiaSettings.RateLimit(rateBurst, rateBurstWindow, rateDaily));
	}

}
