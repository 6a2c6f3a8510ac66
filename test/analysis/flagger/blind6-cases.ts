/**
 * Sixth-round blind check, written on 6 Dec 2026 in the middle of the engine 2.2 work, after the
 * fifth-round set's misses had been read (and partly fixed): the fifth set's "after" figure is therefore
 * optimistic, and this one was written, without running it, to measure 2.1.0 and 2.2.0 side by side on
 * phrasing none of the 2.2 changes was made from. Same functionalities and groups as the fifth set
 * (HateCheck-style statements about the seven groups HateCheck uses, emoji, police register), new
 * wording. The corpus build leaves these sentences out (scripts/flagger/train.ts).
 *
 * Content warning: hateful statements and slurs are test data here.
 */

import type { FlagCategory } from '../../../src/contract/coding.js';
import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';

type Row = [functionality: string, text: string, category?: FlagCategory];

const HATEFUL: Row[] = [
  ['derogation_emotion', 'nothing makes me angrier than seeing immigrants', 'race_ethnicity'],
  ['derogation_attribute', 'black lads are all violent thugs', 'race_ethnicity'],
  ['dehumanising', 'immigrants are a swarm of insects', 'race_ethnicity'],
  ['threat_normative', 'every last immigrant should be hunted down', 'race_ethnicity'],
  ['negated_positive', 'black people will never be equal to us', 'race_ethnicity'],
  ['question', 'when did it become ok for black people to act like savages?', 'race_ethnicity'],
  ['pronoun_sentence', 'Nicked two Albanians tonight. Typical, they are all crooks', 'race_ethnicity'],
  ['spell_swap', 'immigrnats are trash', 'race_ethnicity'],
  ['spell_leet', '1mm1gr4nts are filth', 'race_ethnicity'],
  ['emoji_descriptor', 'black people are 🐵🐵', 'race_ethnicity'],
  ['derogation_emotion', 'Muslims make me sick to my stomach', 'religion'],
  ['dehumanising', 'Muslims are a cancer on Europe', 'religion'],
  ['threat_direct', 'I am going to torch the next Muslim shop I see', 'religion'],
  ['negated_positive', 'I have zero respect for Muslims', 'religion'],
  ['question', 'why do Muslims all stink of curry?', 'religion'],
  ['profanity', 'fuck Muslims and fuck their prophet', 'religion'],
  ['spell_noboundary', 'muslimsarescum', 'religion'],
  ['emoji_verb', 'Muslims should all be 💣💥', 'religion'],
  ['derogation_emotion', 'women fill me with disgust', 'sex_women'],
  ['derogation_attribute', 'women are manipulative liars, all of them', 'sex_women'],
  ['threat_normative', 'women who talk back should be beaten', 'sex_women'],
  ['negated_positive', 'women have no business being in charge of anything', 'sex_women'],
  ['question', 'why are women so thick?', 'sex_women'],
  ['spell_missing', 'womn are worthless', 'sex_women'],
  ['implicit', 'a woman on nights? she will be crying in the van by 3am', 'sex_women'],
  ['derogation_emotion', 'gay people are repulsive', 'sexual_orientation'],
  ['dehumanising', 'gay men are diseased animals', 'sexual_orientation'],
  ['threat_direct', 'I will break the jaw of any gay bloke who looks at me', 'sexual_orientation'],
  ['negated_positive', 'gay people deserve no rights at all', 'sexual_orientation'],
  ['pronoun_clause', 'the gays from the club came in and they are all perverts', 'sexual_orientation'],
  ['spell_spaces', 'g a y s are disgusting', 'sexual_orientation'],
  ['slur', 'stop acting like a bender, you poof', 'sexual_orientation'],
  ['derogation_attribute', 'trans people are mentally unwell predators', 'gender_identity'],
  ['dehumanising', 'trans women are men in wigs, freaks of nature', 'gender_identity'],
  ['threat_normative', 'trans people deserve to be beaten up', 'gender_identity'],
  ['question', 'why should we pander to trans freaks?', 'gender_identity'],
  ['spell_leet', 'tr4ns people are sick', 'gender_identity'],
  ['emoji_group', '🏳️‍⚧️ = 🤮', 'gender_identity'],
  ['derogation_attribute', 'disabled people are pathetic and useless', 'disability'],
  ['dehumanising', 'people in wheelchairs are vegetables', 'disability'],
  ['threat_direct', 'I will smack the next retard who rings 999 for nothing', 'disability'],
  ['negated_positive', 'disabled people are not worth the air they breathe', 'disability'],
  ['question', 'what is the point of disabled people?', 'disability'],
  ['spell_swap', 'retrads should be sterilised', 'disability'],
  ['derogation_attribute', 'old people are useless and smell of wee', 'age'],
  ['threat_normative', 'pensioners should be left to freeze', 'age'],
  ['question', 'why do pensioners even get a vote, they are senile?', 'age'],
  ['victim_mock', 'the girl from the rape job is a proper attention seeker 🙄', 'victims_of_crime'],
  ['victim_mock', 'another suicide on the line, least it was quick 😂', 'victims_of_crime'],
  ['victim_blame', 'DV victim, she wound him up, she had it coming', 'victims_of_crime'],
  ['victim_mock', 'misper again, nobody would miss her anyway 😂', 'victims_of_crime'],
  ['victim_blame', 'she got drunk and went home with him, not rape is it', 'victims_of_crime'],
  ['victim_mock', 'old boy who got robbed is a moaning old git, NFA', 'victims_of_crime'],
  ['other_group', 'junkies are scum, let them overdose', 'other_derogatory'],
  ['other_group', 'rough sleepers are human rubbish', 'other_derogatory'],
];

const QUIET: Row[] = [
  ['neutral', 'immigrants make up a big share of the care workers in the county'],
  ['neutral', 'black male, early 20s, wearing a red jacket, last seen on Queen St'],
  ['neutral', 'Muslims are fasting this month, be mindful at the community event'],
  ['neutral', 'women now make up nearly half of new recruits'],
  ['neutral', 'gay man reporting threats from his neighbour'],
  ['neutral', 'trans people can ask for a searcher of their choice'],
  ['neutral', 'disabled people are entitled to a reasonable adjustment'],
  ['neutral', 'pensioners are being targeted by phone scammers this week'],
  ['neutral', 'why are so many immigrants afraid to report crime?'],
  ['neutral', 'are there many Muslim officers on the team?'],
  ['positive', 'black officers have done so much for this force'],
  ['positive', 'I admire how the Muslim community rallied round after the fire'],
  ['positive', 'women in firearms are every bit as good as the blokes'],
  ['positive', 'gay people are just people, nothing more to say'],
  ['positive', 'immigrants have made this town better 👍'],
  ['counter_quote', 'someone posted "women are thick" on the group, that is sexist and I have reported it'],
  ['counter_quote', '"trans people are freaks" is bigoted nonsense'],
  ['counter_ref', 'that rant about Muslims last night was shameful'],
  ['counter_ref', 'stop making jokes about disabled people, it is not funny'],
  ['counter_ref', 'I will not stand by while people slag off immigrants in here'],
  ['negated', 'nobody should ever threaten gay people'],
  ['negated', 'I do not hate Muslims, I hate extremists'],
  ['negated', 'disabled people are not a burden'],
  ['negated', 'saying women are weak is wrong'],
  ['abuse_object', 'this kettle is useless, it takes ages'],
  ['abuse_individual', 'Jonno you are a clown, wrong address again'],
  ['non_protected', 'speeders are idiots, every single one'],
  ['non_protected', 'I hate the night shift'],
  ['profanity_ok', 'fuck me, what a night'],
  ['homonym', 'off outside for a fag, back in 10'],
  ['reclaimed', 'we are queer and proud, see you at Pride'],
  ['emoji_positive', 'women officers 💪💪 smashed the fitness test'],
  ['emoji_neutral', 'dog unit 🐕 attending, suspect in the garden'],
  ['emoji_neutral', 'firearms incident 🔫 at the retail park, stay away'],
  ['jargon', 'sudden death, elderly male, no suspicious circumstances'],
  ['jargon', 'rape report, victim in the SARC, ABE tomorrow'],
  ['victim_support', 'missing girl found, she is safe, thank god'],
  ['victim_support', 'DV victim was so brave in court today'],
  ['everyday', 'one less shift before leave 😂'],
  ['everyday', 'the kettle is only good for making tea, obviously'],
];

function build(): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  HATEFUL.forEach(([functionality, text, category], k) =>
    out.push({
      id: `blind6-h${k}`,
      functionality,
      target: category ?? 'none',
      text,
      hateful: true,
      category,
    }),
  );
  QUIET.forEach(([functionality, text], k) =>
    out.push({ id: `blind6-n${k}`, functionality, target: 'none', text, hateful: false }),
  );
  return out;
}

export const BLIND6_CASES: readonly FunctionalCase[] = build();
