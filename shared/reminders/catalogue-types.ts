/** The keys every language's reminder catalogue fills. */
export interface ReminderCatalogue {
  /** Written direction of the text, for the HTML part (ar is rtl). */
  direction: 'ltr' | 'rtl';
  confirmation: { subject: string; body: string };
  preCare: {
    subject: string;
    body: string;
    /** Lines of the instructions; each becomes one bullet. */
    alcohol: string;
    selfMedicatedPainkillers: string;
    supplements: string;
    /** Always printed, whatever the settings: the patient never stops a prescribed medicine. */
    prescribed: string;
  };
  recall: { subject: string; body: string };
  /** SMS is short: one line per kind. */
  sms: { confirmation: string; preCare: string; recall: string };
  /** The calendar entry's title and description. */
  calendar: { summary: string; description: string };
  signature: string;
}
