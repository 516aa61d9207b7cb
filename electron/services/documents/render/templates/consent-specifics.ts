import type { ProcedureKind } from '../../../../../shared/documents/procedure-kinds';

/** What differs between the consent forms of the procedure kinds; the rest is shared. */
export interface ConsentSpecifics {
  purpose: string;
  benefits: string;
  /** Risks particular to the procedure, added after the common side effects. */
  extraSideEffects: string | null;
  alternatives: string;
}

export const consentSpecifics: Record<ProcedureKind, ConsentSpecifics> = {
  'skin-rejuvenation': {
    purpose:
      'Small amounts of a product are placed into the upper layers of the skin of the face, neck, décolleté or hands with fine needles or an injector. The purpose is to improve hydration, firmness, texture and radiance of the skin and to soften fine lines.',
    benefits:
      'Skin that looks more hydrated, smoother and brighter, with softer fine lines, usually building up over the course of sessions.',
    extraSideEffects: 'Small pinpoint marks at the injection points for a day or two.',
    alternatives:
      'Topical skin care and sun protection, chemical peels, microneedling, laser or light treatments, skin boosters or fillers; or no treatment.',
  },
  'hair-loss': {
    purpose:
      'Small amounts of a product are injected into the scalp where the hair is thinning. The purpose is to support the hair follicles, slow hair loss and encourage thicker hair.',
    benefits:
      'Less shedding and denser, stronger hair in the treated area, usually noticed after several sessions.',
    extraSideEffects:
      'A tender scalp and a mild headache on the day; a temporary increase in shedding can occur before improvement.',
    alternatives:
      'Topical minoxidil, prescribed medicines, low-level laser therapy, PRP, hair transplant surgery; or no treatment.',
  },
  'cellulite-body-contouring': {
    purpose:
      'A product is injected into the fatty layer under the skin of areas such as the thighs, buttocks, abdomen or arms. The purpose is to improve the appearance of cellulite, skin firmness and body contour.',
    benefits:
      'Smoother-looking skin with less dimpling and a firmer contour in the treated areas. Diet, exercise and weight changes strongly affect the result.',
    extraSideEffects: 'Tenderness and a feeling of heaviness in the area for a few days.',
    alternatives:
      'Exercise and weight management, massage or lymphatic drainage, radiofrequency, shockwave or other device treatments; or no treatment.',
  },
  'localised-fat-reduction': {
    purpose:
      'A product that breaks down fat cells is injected into a small, well-defined area of fat (for example under the chin, the abdomen or flanks). The purpose is to reduce that local fat deposit. It is not a weight-loss treatment.',
    benefits:
      'A gradual reduction of the treated fat deposit over several weeks after each session.',
    extraSideEffects:
      'Marked swelling, warmth, burning, numbness and firmness of the area for several days are expected; under the chin, temporary difficulty swallowing or an uneven smile (nerve irritation) can rarely occur.',
    alternatives:
      'Diet and exercise, cryolipolysis, radiofrequency or ultrasound devices, liposuction; or no treatment.',
  },
  pigmentation: {
    purpose:
      'Small amounts of a product are placed into the skin of the areas with uneven pigmentation (dark spots, melasma). The purpose is to even out skin tone and lighten the pigmented areas.',
    benefits:
      'Lighter, more even skin tone in the treated areas. Pigmentation can return, especially with sun exposure or hormonal changes.',
    extraSideEffects:
      'Pigmentation can temporarily darken before it lightens, particularly in darker skin types.',
    alternatives:
      'Strict sun protection, topical lightening products, chemical peels, laser or light treatments; or no treatment.',
  },
  prp: {
    purpose:
      'A small sample of your own blood is taken and spun in a centrifuge to concentrate the platelets. The platelet-rich plasma is then injected into the skin or scalp. The purpose is to stimulate repair and renewal of the tissue with your own growth factors.',
    benefits:
      'Improved skin quality or hair density, developing gradually over weeks to months after the course.',
    extraSideEffects:
      'Bruising, soreness or, rarely, fainting at the blood-draw site. Because the product comes from your own blood, allergy to it is very unlikely, but any added anaesthetic can still cause a reaction.',
    alternatives:
      'Mesotherapy with other products, microneedling, topical treatments, medicines for hair loss, laser treatments; or no treatment.',
  },
};
