import type { ConsentLanguage } from './consent-language';

export const consentFr: ConsentLanguage = {
  title: 'Consentement éclairé au traitement : {procedure}',
  specifics: {
    'skin-rejuvenation': {
      purpose:
        'De petites quantités d’un produit sont déposées dans les couches superficielles de la peau du visage, du cou, du décolleté ou des mains, à l’aiguille fine ou à l’aide d’un injecteur. L’objectif est d’améliorer l’hydratation, la fermeté, la texture et l’éclat de la peau et d’atténuer les ridules.',
      benefits:
        'Une peau d’aspect plus hydraté, plus lisse et plus lumineux, aux ridules atténuées ; l’effet s’installe en général au fil des séances.',
      extraSideEffects:
        'De petites marques punctiformes aux points d’injection pendant un ou deux jours.',
      alternatives:
        'Soins locaux et protection solaire, peelings chimiques, microneedling, lasers ou lumière pulsée, skinboosters ou produits de comblement ; ou aucun traitement.',
    },
    'hair-loss': {
      purpose:
        'De petites quantités d’un produit sont injectées dans le cuir chevelu, là où les cheveux se raréfient. L’objectif est de soutenir les follicules pileux, de freiner la chute et de favoriser une chevelure plus dense.',
      benefits:
        'Moins de chute et des cheveux plus denses et plus résistants dans la zone traitée, constatés en général après plusieurs séances.',
      extraSideEffects:
        'Un cuir chevelu sensible et un léger mal de tête le jour même ; une augmentation passagère de la chute peut précéder l’amélioration.',
      alternatives:
        'Minoxidil en application locale, médicaments sur prescription, laser de faible intensité, PRP, greffe de cheveux ; ou aucun traitement.',
    },
    'cellulite-body-contouring': {
      purpose:
        'Un produit est injecté dans la couche graisseuse sous la peau de zones comme les cuisses, les fesses, l’abdomen ou les bras. L’objectif est d’améliorer l’aspect de la cellulite, la fermeté de la peau et la silhouette.',
      benefits:
        'Une peau d’aspect plus lisse, moins capitonnée, et une silhouette plus ferme dans les zones traitées. L’alimentation, l’activité physique et les variations de poids influencent fortement le résultat.',
      extraSideEffects:
        'Une sensibilité et une sensation de lourdeur de la zone pendant quelques jours.',
      alternatives:
        'Activité physique et contrôle du poids, massages ou drainage lymphatique, radiofréquence, ondes de choc ou autres traitements par appareil ; ou aucun traitement.',
    },
    'localised-fat-reduction': {
      purpose:
        'Un produit qui détruit les cellules graisseuses est injecté dans un petit amas graisseux bien délimité (par exemple sous le menton, sur l’abdomen ou les flancs). L’objectif est de réduire cet amas localisé. Ce n’est pas un traitement pour perdre du poids.',
      benefits:
        'Une diminution progressive de l’amas graisseux traité au cours des semaines qui suivent chaque séance.',
      extraSideEffects:
        'Un gonflement marqué, une chaleur, une sensation de brûlure, un engourdissement et une induration de la zone pendant plusieurs jours sont attendus ; sous le menton, une gêne passagère pour avaler ou un sourire asymétrique (irritation d’un nerf) peuvent rarement survenir.',
      alternatives:
        'Alimentation et activité physique, cryolipolyse, appareils de radiofréquence ou d’ultrasons, liposuccion ; ou aucun traitement.',
    },
    pigmentation: {
      purpose:
        'De petites quantités d’un produit sont déposées dans la peau des zones où la pigmentation est irrégulière (taches brunes, mélasma). L’objectif est d’unifier le teint et d’éclaircir les zones pigmentées.',
      benefits:
        'Un teint plus clair et plus homogène dans les zones traitées. La pigmentation peut réapparaître, en particulier avec l’exposition au soleil ou les variations hormonales.',
      extraSideEffects:
        'La pigmentation peut foncer temporairement avant de s’éclaircir, en particulier sur les peaux foncées.',
      alternatives:
        'Protection solaire stricte, produits dépigmentants locaux, peelings chimiques, lasers ou lumière pulsée ; ou aucun traitement.',
    },
    prp: {
      purpose:
        'Un petit échantillon de votre propre sang est prélevé puis centrifugé pour concentrer les plaquettes. Le plasma riche en plaquettes est ensuite injecté dans la peau ou le cuir chevelu. L’objectif est de stimuler la réparation et le renouvellement des tissus grâce à vos propres facteurs de croissance.',
      benefits:
        'Une amélioration de la qualité de la peau ou de la densité des cheveux, qui s’installe progressivement dans les semaines ou les mois suivant la cure.',
      extraSideEffects:
        'Un bleu, une sensibilité ou, rarement, un malaise au point de prélèvement. Le produit venant de votre propre sang, une allergie est très peu probable, mais un anesthésiant ajouté peut tout de même provoquer une réaction.',
      alternatives:
        'Mésothérapie avec d’autres produits, microneedling, traitements locaux, médicaments contre la chute des cheveux, lasers ; ou aucun traitement.',
    },
  },
  sections: (specifics) => [
    {
      id: 'procedure',
      title: 'La procédure et son objectif',
      body: `{{procedure.name}}. ${specifics.purpose}`,
    },
    {
      id: 'products',
      title: 'Produits et composants',
      body: 'Les produits suivants seront utilisés : {{products}}. Signalez-nous toute réaction que vous auriez déjà eue à l’un de ces composants.',
    },
    {
      id: 'sessions',
      title: 'Nombre et espacement des séances',
      body: 'La cure prévue comporte {{sessions.planned}} séances, espacées d’environ {{sessions.intervalDays}} jours. Des séances d’entretien pourront être proposées ensuite.',
    },
    {
      id: 'benefits',
      title: 'Bénéfices attendus',
      body: `${specifics.benefits} Les résultats varient d’une personne à l’autre et ne sont pas garantis ; davantage de séances que prévu peuvent être nécessaires, et certaines personnes ne constatent que peu ou pas de changement.`,
    },
    {
      id: 'common-side-effects',
      title: 'Effets indésirables fréquents',
      body: `Fréquents, généralement légers et passagers : douleur ou gêne pendant les injections, rougeur, gonflement, bleus (ecchymoses) et petites papules aux points d’injection.${specifics.extraSideEffects ? ` ${specifics.extraSideEffects}` : ''}`,
    },
    {
      id: 'rare-side-effects',
      title: 'Effets indésirables rares',
      body: 'Rares mais possibles : infection, réaction allergique, boules ou nodules sous la peau, modification de la couleur de la peau (dyschromie) et nécrose (atteinte de la peau si la circulation sanguine est touchée). Ils peuvent nécessiter un traitement et, très rarement, laisser une marque définitive.',
    },
    {
      id: 'alternatives',
      title: 'Alternatives thérapeutiques',
      body: `${specifics.alternatives} Ne pas faire le traitement reste toujours possible.`,
    },
    {
      id: 'medical-history',
      title: 'Antécédents médicaux',
      body: 'Je confirme que les informations médicales que j’ai données, y compris mes médicaments, compléments alimentaires, allergies et traitements antérieurs, sont exactes et complètes à ma connaissance, et je signalerai au cabinet tout changement.',
    },
    {
      id: 'pre-treatment',
      title: 'Consignes avant le traitement',
      body: 'Je confirme avoir reçu les consignes à respecter avant le traitement et les avoir suivies, ou avoir signalé au praticien celles que je n’ai pas suivies (par exemple médicaments ou compléments qui fluidifient le sang, alcool dans les 24 à 48 dernières heures, maladie, grossesse ou allaitement).',
    },
    {
      id: 'photographs-record',
      title: 'Photographies pour le dossier médical',
      body: 'Des photographies de la zone traitée sont prises avant et après le traitement pour mon dossier médical et pour évaluer le résultat. Elles restent confidentielles et sont conservées avec mon dossier.',
    },
    {
      id: 'photographs-other-use',
      title: 'Photographies pour tout autre usage',
      body: 'Par ailleurs, je peux autoriser l’utilisation de mes photographies, sans mon nom, pour l’enseignement ou une publication. Cette autorisation est facultative et sans effet sur mon traitement.',
      choice: true,
    },
    {
      id: 'costs',
      title: 'Coût',
      body: 'Le coût de chaque séance et de la cure m’a été expliqué. Des séances supplémentaires, l’entretien ou le traitement de complications peuvent être facturés à part.',
    },
    {
      id: 'patient-rights',
      title: 'Vos droits',
      body: 'Vous pouvez poser toutes vos questions avant de décider et prendre tout le temps de réflexion dont vous avez besoin. Vous pouvez retirer votre consentement à tout moment, y compris entre deux séances, sans avoir à vous justifier.',
    },
    {
      id: 'declaration',
      title: 'Déclaration',
      body: 'Je soussigné(e), {{patient.fullName}}, déclare avoir lu et compris ce formulaire et avoir obtenu des réponses à mes questions, et je consens au traitement décrit ci-dessus ({{procedure.name}}) réalisé par {{practitioner.fullName}} à {{clinic.name}}.',
    },
  ],
};
