import type { AftercareLanguage } from './aftercare-language';

export const aftercareFr: AftercareLanguage = {
  title: 'Soins après votre traitement',
  sections: [
    {
      id: 'intro',
      title: 'Votre traitement',
      body: 'Suivez ces consignes pour aider votre peau à cicatriser et obtenir le meilleur résultat.',
    },
    {
      id: 'what-is-normal',
      title: 'Ce qui est normal',
      body: '- Rougeur et petites papules aux points d’injection pendant quelques heures.\n- Gonflement pendant 1 à 3 jours.\n- Bleus, qui s’estompent en 5 à 7 jours.',
    },
    {
      id: 'when-to-call',
      title: 'Appelez le cabinet si vous avez',
      body: '- une rougeur ou une douleur qui s’étend ou augmente après le 2e jour\n- du pus, de la fièvre, des boules ou des cloques\n- une réaction, quelle qu’elle soit, qui dure plus de 3 jours\nTél. {{clinic.phone}}',
    },
    {
      id: 'emergency',
      title: 'Urgence',
      body: 'Gonflement des lèvres ou du visage, ou difficulté à respirer : appelez immédiatement les services d’urgence, puis prévenez le cabinet.',
    },
  ],
  items: {
    'no-washing': 'Ne lavez pas la zone traitée pendant {{duration}}.',
    'scalp-washing': 'Cuir chevelu : lavez vos cheveux le lendemain, pas avant.',
    'no-make-up': 'Pas de maquillage sur la zone traitée pendant {{duration}}.',
    'no-exercise': 'Pas de sport ni d’activité qui fait transpirer pendant {{duration}}.',
    'no-sun':
      'Pas de soleil, de cabine de bronzage ni d’UV pendant {{duration}} ; ensuite, crème solaire, plus longtemps tant que vous avez des bleus.',
    'no-heat': 'Pas de sauna, de bain chaud, de piscine ni de massage pendant {{duration}}.',
    'no-alcohol': 'Pas d’alcool pendant {{duration}}.',
    'no-other-treatments':
      'Pas d’autre traitement sur la zone (peelings, laser) pendant {{duration}}.',
    'drink-water': 'Buvez beaucoup d’eau.',
    'caution-bruising':
      'Un médicament ou un problème de santé relevé lors de votre bilan rend les bleus plus probables : ils peuvent être plus étendus et mettre plus de temps à disparaître. Appliquez du froid, protégez les bleus du soleil et appelez le cabinet si un bleu continue de s’étendre. Continuez à prendre les médicaments prescrits comme votre médecin vous l’a indiqué.',
    'caution-alcohol':
      'Vous avez bu de l’alcool peu avant le traitement, ce qui rend les bleus plus probables : pas d’alcool pendant {{duration}} après le traitement.',
    'caution-cold-sore':
      'Vous avez déjà eu des boutons de fièvre (herpès) : si vous sentez des picotements ou voyez une vésicule près de la zone traitée, appelez le cabinet le jour même.',
    'caution-keloid':
      'Votre peau a tendance à faire des cicatrices épaisses : signalez au cabinet toute marque en relief ou épaissie à un point d’injection, même des semaines plus tard.',
    'caution-infection':
      'Le risque d’infection est plus élevé pour vous : gardez la zone propre, n’y touchez pas et appelez le cabinet le jour même si elle devient chaude, rouge ou douloureuse.',
    'caution-isotretinoin':
      'Après l’isotrétinoïne, votre peau cicatrise plus lentement et brûle plus facilement : protégez-vous strictement du soleil et demandez l’avis du cabinet avant tout peeling ou laser sur la zone.',
  },
};
