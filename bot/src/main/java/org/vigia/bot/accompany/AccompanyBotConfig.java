package org.vigia.bot.accompany;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Desk;
import org.vigia.bot.messages.Replies;
import org.vigia.core.accompany.AccompanyFlow;
import org.vigia.core.accompany.AccompanyNotices;
import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.accompany.FamilyJoins;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.messaging.Transport;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisAccompanierInvites;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisDueSchedule;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisFamilyLinkStore;

/** Accompaniment in the bot: the console's commands, and the chats of people, family contacts and accompaniers. */
@Configuration(proxyBeanMethods = false)
class AccompanyBotConfig {

	@Bean
	AccompanyCommands accompanyCommands(RedisAppointmentStore appointments, RedisAccompanierStore accompaniers,
			ObjectProvider<AccompanyNotices> notices, Clock clock) {
		return new AccompanyCommands(appointments, accompaniers, List.copyOf(notices.orderedStream().toList()), clock);
	}

	@Bean
	Audience accompanyAudience(Replies replies, RedisChatState state, Pseudonyms pseudonyms,
			RedisAccompanierStore accompaniers, NamedPlaces places, AccompanySettings settings, Clock clock) {
		return new Audience(replies, state, pseudonyms, accompaniers, new AccompanyPlaces(places), settings, clock);
	}

	@Bean
	Matchmaker accompanyMatchmaker(RedisAppointmentStore appointments, RedisAccompanierStore accompaniers,
			Audience audience) {
		return new Matchmaker(appointments, accompaniers, audience);
	}

	@Bean
	Detention accompanyDetention(Audience audience) {
		return new Detention(audience);
	}

	@Bean
	AccompanyNotices accompanyNotices(Matchmaker matchmaker, Detention detention) {
		return new Notices(matchmaker, detention);
	}

	@Bean
	Reminders accompanyReminderTicks(RedisDueSchedule due, RedisAppointmentStore appointments, Audience audience) {
		return new Reminders(due, appointments, audience);
	}

	@Bean
	Desk accompanyDesk(Conversations conversations, RedisAppointmentStore appointments,
			RedisAccompanierStore accompaniers, RedisFamilyLinkStore links, RedisDueSchedule due,
			RedisAccompanierInvites invites, RedisEndpoint endpoint, Matchmaker matchmaker, Detention detention,
			Audience audience) {
		var settings = audience.settings();
		var clock = audience.clock();
		var familyLinks = new FamilyLinks(endpoint.hashSecret());
		var flows = new EnumMap<Transport, AccompanyFlow>(Transport.class);
		for (Transport t : Transport.values()) {
			flows.put(t, new AccompanyFlow(audience.places(), settings.languages(), settings.zone(), clock,
					new LinkOffer(familyLinks, settings.botUsername(), t, clock)));
		}
		return new AccompanyDesk(
				new RequestDesk(conversations, flows, new Intake(appointments, links, due, audience), matchmaker, audience),
				new FamilyDesk(new FamilyJoins(familyLinks, links, appointments, clock), audience),
				new Signup(conversations, invites, accompaniers, matchmaker, audience),
				new AppointmentButtons(appointments, matchmaker, detention, audience), conversations);
	}

}
