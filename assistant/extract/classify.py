"""What kind of message this is, from phrases, headers and calendar parts.

Rules rather than a trained model: the corpus is small, every decision must be explainable in a
bug report, and a false "interview confirmation" (a thank-you for a webinar) costs more than a
miss. The rules run from the most decisive signal (an outcome, a cancellation) to the weakest.
The patterns are written in lower case and run on lower-cased text with typographic apostrophes
made plain: case-insensitive matching of this many alternations costs several times more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.extract.alternation import at_word_start, factored
from assistant.extract.naming import REPLY_SUBJECT
from assistant.model import Kind

_REJECTION = re.compile(
    at_word_start(
        r"(?:decided|chosen|decision|elected) (?:not )?to (?:move|proceed|go|pursue|continue) (?:forward )?with (?:other|another|a different)"
        r"|(?:decided|chosen|elected) not to (?:move|proceed|progress|pursue|continue|advance|take)\w*"
        r"|(?:(?:will|would|are|is) not|won't|wouldn't|aren't|isn't) (?:be )?(?:moving|move|proceeding|proceed|progressing|progress|advancing|advance) (?:forward )?(?:with )?your"
        r"|(?:pursue|proceed with|move forward with|continue with) (?:other )?(?:candidates|applicants) (?:whose|who|with)"
        r"|not (?:be )?(?:moving|proceeding) forward with your (?:application|candidacy)"
        # Not taken on to the next step: "won't be moving you to the final round", "not advancing to the next stage".
        r"|(?:not|won't|\w+n't) (?:be )?(?:moving|advancing|progressing|proceeding|taking|inviting) (?:you )?(?:forward |on )?(?:to|into|onto) (?:the|a) (?:next|final|further|onsite)\b"
        r"|(?:selected|chosen|hired|offered the (?:role|position) to) (?:another|a different|an(?:other)? internal) (?:candidate|applicant|person)"
        # "we've offered the Research Associate position to a candidate whose background is closer"
        r"|offered\s+(?:the|this)\s+(?:[\w-]+\s+){0,4}(?:role|position|job|post)\s+to\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:candidate|applicant|person)\s+(?:whose|who|with)"
        r"|(?:won't|will not|not|unable to|cannot|can't)(?: be)? (?:extend|extending|make|making) (?:you )?an? offer"
        r"|\bnot (?:been )?(?:selected|chosen|shortlisted) (?:to|for)\b|\w+n't been (?:selected|chosen|shortlisted) (?:to|for)\b"
        r"|unable to offer you|regret to inform|unfortunately,? (?:we|after careful)[^.]{0,120}(?:other candidates?|not (?:be )?(?:moving|proceed)|another candidate|decided)"
        r"|position has (?:been|now been) filled|pursue other candidates|move forward with other candidates"
        r"|leider müssen wir ihnen mitteilen|müssen wir ihnen leider mitteilen|leider haben wir uns"
        r"|für (?:eine[nr]? )?andere[nrs]? (?:bewerber|kandidat)|\babsage\b"
        r"|für (?:einen|eine) (?:\w+ ){0,2}?(?:bewerber|kandidat)\w* entschieden"
        r"|nicht weiter berücksichtigen|nous sommes au regret|ne pas donner suite|pas retenu"
        r"|lamentamos informarte|no continuar con tu candidatura|hemos decidido continuar con otros"
        # The offer, the role or the choice went to someone else: "extend our offer … to another candidate".
        r"|(?:offer|role|position|job|post)\b[^.]{0,60}\bto (?:another|a different|an(?:other)? internal|one of the other) (?:candidate|applicant|person)"
        r"|(?:went|gone|go|going|proceed\w*|continu\w*|(?:move|moving|moved) forward) (?:with|w/) (?:another|a different|an(?:other)? internal|the other) (?:candidate|applicant|profile|finalist)"
        r"|(?:continue|proceed|move forward|go) with (?:a|another|one) (?:candidate|applicant) (?:whose|who)"
        r"|(?:continuar|seguir|avanzar) con otr[oa]s (?:personas|perfiles|candidat\w+)|(?:continuer|poursuivre) avec d'autres (?:candidat|profil)"
        r"|(?:continue|proceed|move forward) (?:the process |our process )?with (?:other )?(?:candidates|applicants) (?:whose|who)"
        r"|(?:mit|für) (?:anderen )?(?:kandidat|bewerber)\w*(?::innen)? (?:fortzusetzen|weiterzumachen|zu entscheiden)"
        r"|entscheidung (?:ist uns|fiel uns) (?:nicht leicht|schwer)|nicht leicht ?gefallen|(?:was|wasn't|is) not an easy decision|wasn't an easy decision"
        # French, Spanish, German, Dutch, Portuguese families: regret, no follow-up, another profile chosen.
        r"|(?:avons|sommes) (?:le |au )?regret|(?:ne|pas) (?:\w+ ){0,3}suite (?:favorable )?à votre candidature"
        r"|(?:continuer|poursuivre|avancer|aller) avec (?:un autre|une autre|d'autres) (?:profil|candidat|personne)"
        r"|ne (?:pouvons|pourrons) pas donner suite|(?:retenu|choisi) (?:un|une|d'autres) (?:autre )?(?:profil|candidat)"
        r"|lamentamos (?:comunicarte|comunicarle|informarle)|no (?:ha sido|has sido) seleccionad[oa]"
        r"|(?:seguir|continuar|avanzar)(?: [\w-]+){0,5} con otr[oa]s? (?:perfil|candidat|persona|finalista|postulante|aspirante)\w*"
        r"|(?:decantado|decidido|optado) por (?:la |el )?otr[oa] (?:finalista|candidat[oa]|perfil|persona)|proceso finalizado para ti"
        r"|(?:decidi[óo]|hemos decidido|ha decidido|han decidido) no (?:avanzar|continuar|seguir) (?:con (?:tu|su) (?:perfil|postulaci[óo]n|candidatura)|contigo)"
        r"|no (?:vamos a |podemos |podremos )?(?:seguir|continuar|avanzar) contigo"
        # a job board's status line: "Estado: Descartado"
        r"|estado(?: actual| de (?:tu|su|la) candidatura)?:\s*descartad[oa]"
        r"|no (?:continuaremos|seguiremos|avanzaremos) con (?:el|tu|su) (?:proceso|postulaci[óo]n|candidatura)"
        # a public contest's result: "su postulación no continuará a la fase de entrevista", "Estado: NO CONTINÚA"
        r"|(?:tu|su) (?:postulaci[óo]n|candidatura|solicitud) no (?:continuar[áa]|contin[úu]a|seguir[áa]|avanzar[áa]|pasa)\b"
        r"|no contin[úu]a en el (?:concurso|proceso)"
        # "die Position mit einem Kandidaten mit stärkerem Software-Schwerpunkt zu besetzen", "fill the role with another candidate"
        r"|(?:position|stelle|vakanz) mit (?:einem|einer) (?:anderen? )?(?:[\w-]+ ){0,5}?(?:kandidat|bewerber)\w*(?: [\w-]+){0,5} zu besetzen"
        # "die Rolle als Ops Manager Growth mit jemandem zu besetzen, der …", "fill the role with someone who …"
        r"|(?:rolle|stelle|position|vakanz)\b[^.]{0,60}\bmit jemandem\b[^.]{0,60}\bzu besetzen"
        r"|fill(?:ed)? (?:the|this) (?:[\w-]+ ){0,3}(?:role|position) with someone"
        r"|not the news you(?:'d| were| had) hop\w*|(?:go|going|gone|went) (?:in )?a different direction"
        # a public-service test not passed: "u niet geslaagd bent", "n'avez pas obtenu la note de passage"
        r"|niet geslaagd|niet opgenomen in de reserve|nicht bestanden|n'avez pas (?:réussi|obtenu la note de passage)"
        r"|no (?:ha|has) (?:superado|aprobado)|did not (?:pass|reach the pass)"
        r"|fill(?:ed)? the (?:role|position) with (?:a|another|an(?:other)? internal) (?:candidate|applicant)"
        r"|besloten (?:om )?(?:u|je|jou) niet uit te nodigen"
        r"|leider (?:\w+ ){0,4}(?:nicht (?:weiter|berücksichtig)\w*|absagen)|uns für eine[nr]? andere"
        r"|helaas (?:\w+ ){0,5}(?:niet (?:verder|door\b)|voor een andere kandida|afwijzen)"
        r"|(?:gekozen|kiezen|gaan) (?:hebben )?voor een (?:andere |interne |externe )?kandida|met een andere kandida\w* (?:verder|door)"
        r"|(?:voortzetten|voort te zetten|verder te gaan|verder gaan) met (?:een )?(?:andere )?kandida"
        r"|niet (?:opnieuw |verder )?(?:zullen )?uitnodigen voor|uw sollicitatie (?:niet|is afgewezen)"
        r"|besloten (?:om )?niet verder te gaan|niet verder (?:te )?gaan met (?:je|jouw|uw) (?:kandidatuur|sollicitatie)"
        # Swedish, Danish, Norwegian; Polish; Italian
        r"|(?:tyvärr|desværre|dessverre|beklageligvis) (?:\w+ ){0,6}(?:valt|valgt|gå vidare|gå videre|gått vidare)"
        r"|gå (?:vidare|videre) med (?:en )?(?:annan|anden|annen|andra|andre) (?:kandidat|sökande|ansøger|søker)"
        r"|niestety (?:\w+ ){0,6}(?:zdecydowal\w*|wybral\w*|inn\w+ kandydat|nie (?:zakwalifikowal|będziemy kontynuować))"
        r"|zdecydowali(?:śmy)? się na (?:inn\w+|kandydat)|(?:inną|innego|innych) kandydat\w*"
        r"|purtroppo (?:\w+ ){0,8}(?:proseguire|altr[ie] candidat|altro candidat|non (?:è|sia) stat[oa] selezionat|non potremo)"
        r"|proseguire (?:l'iter |il percorso )?con (?:altr[ie]|un altro|un'altra) (?:candidat|profil)"
        r"|(?:deciso|scelto) di non proseguire"
        r"|infelizmente (?:\w+ ){0,6}(?:não (?:vamos|iremos|seguir|avançar)|outr[oa] candidat)|(?:seguir|avançar) com outr[oa] candidat"
    )
)
_OFFER = re.compile(
    at_word_start(
        r"(?:pleased|delighted|happy|excited|thrilled) to (?:extend|offer|make) (?:you )?(?:an |a |the )?(?:formal |verbal |written )?offer"
        r"|(?:pleased|delighted|happy|excited|thrilled) to offer you (?:the|a|this) (?:position|role|job)"
        r"|(?:would like|\w+'d like|want|wish|are able|are happy|are glad) to offer you\b|\boffer you the (?:position|role|job)\b"
        r"|(?:extend|extending|make|making) (?:you )?an offer|offer letter (?:is )?attached|attached (?:is |you'?ll find )?(?:your|the) offer"
        r"|your (?:formal |written )?offer (?:letter|package)|(?:verbal|formal|written) offer|offer of employment|job offer"
        r"|(?:would|\w+'d) love (?:for )?you to join\b|(?:want|like) (?:you|to have you) to join (?:us|the team|our team)\b"
        r"|(?:welcome|have) you (?:aboard|on board)\b|(?:come|came|coming) back with an offer|(?:made|extended) (?:you )?an offer"
        r"|\ban offer for (?:the|you)\b|(?:summary|details) of (?:our|the|your) offer|\bour offer (?:for|to)\b"
        r"|arbeidsvoorwaardenvoorstel|contractvoorstel|(?:een|ons) (?:schriftelijk |mondeling )?aanbod\b"
        r"|erbjudande om anställning|anställningserbjudande|tilbud om (?:ansættelse|ansettelse|stilling)|jobbtilbud"
        r"|ofert\w* (?:pracy|zatrudnienia|współpracy)|propozycj\w* (?:zatrudnienia|współpracy)"
        r"|proposta di assunzione|lettera di (?:offerta|assunzione)|offerta di lavoro"
        r"|angebot für die stelle|vertragsangebot|offre d'emploi|proposition d'embauche|oferta de (?:trabajo|empleo)"
        # Other languages' ways to say it: a proposal to join, an offer letter, a contract to sign.
        r"|(?:freuen uns|freue mich),? ihnen (?:ein|das|unser) (?:\w+ )?angebot|arbeitsvertrag"
        r"|(?:plaisir|heureux|heureuse|ravis?) de vous (?:proposer|offrir|faire une (?:offre|proposition))|lettre d'offre"
        r"|propuesta (?:de incorporación|para incorporarte|económica)|carta de oferta|nos complace (?:hacerte|ofrecerte|hacerle|ofrecerle)"
        r"|aanbod (?:te doen|voor de (?:functie|rol|positie))|arbeidsovereenkomst|proposta de (?:trabalho|emprego)"
        r"|(?:de|deze) (?:functie|baan|positie|rol)\b[^.]{0,80}\b(?:willen|wil|kunnen) aanbieden"
        # a public employer's "Einstellungszusage": "bieten wir Ihnen eine unbefristete Einstellung … an"
        r"|einstellungszusage|bieten (?:wir )?ihnen (?:eine|die) (?:\w+ ){0,3}(?:einstellung|anstellung)\b"
    )
)
# An ATS's offer notice names the offer in its subject: "Your offer from Harborlight Health Plan is ready".
_OFFER_SUBJECT = re.compile(r"\byour (?:\w+ )?offer\b|\boffer (?:letter|of employment)\b")
# (and a purpose: "please let us know so that we can offer the slot to another candidate")
_HYPOTHETICAL = re.compile(
    r"\b(?:if|should|in case|whether|unless|so that|so we can|in order to|damit|afin de|pour que|para que|zodat)\b"
    r"[^.!?\n]{0,50}$"
)
# "this is not an offer of employment", "references before we can make an offer"
_NOT_AN_OFFER = re.compile(
    r"(?:\bnot|\bno|n't|\bbefore|\bprior to|\buntil|\bpending|\bsubject to|"
    # an offer still to come: "zodra er een aanbod op tafel ligt", "sobald ein Angebot vorliegt"
    r"\bonce|\bas soon as|\bif|\bzodra|\bals|\bsobald|\bwenn|\bfalls|\bdès que|\bsi|\ben cuanto)\b[^.!?\n]{0,30}$"
)
# A cancellation stated, not the "Cancel:" link or the "to cancel or reschedule" line of an invitation.
_CANCEL = re.compile(
    factored(
        r"\b(?:cancel(?:l)?ed|cancellation|called off|calling off|(?:need|have|had|must|going) to cancel|"
        r"(?:decided|regret(?:fully)?|sorry) to cancel|cancel(?:l)?ing (?:the|this|your|our|tomorrow)|"
        r"pull(?:ing)? the pin|call(?:ing)? (?:it|this) off|"
        r"abgesagt|absagen|storniert|annul(?:é|ée|er|ation|e|ons)|annuleert|annuleer|ingetrokken|cancelad[oa]|cancelar|se cancela|cancelaci[oó]n|cancelamos|cancelamento|"
        r"geannuleerd|annuleren|afgezegd|(?:moeten|moet) (?:\w+ ){0,5}afzeggen|(?:komt|komen) te vervallen|"
        r"(?:moet|moest|moeten|moesten) (?:\w+ ){0,3}vervallen|gaat niet door|niet doorgaan(?! met)|afgelast|"
        r"ställa in|ställer in|inställd|inställt|avboka\w*|avlys\w*|aflys\w*|odwoła\w*|annullat[oa]|annullare|"
        r"entfällt|entfallen|fällt (?:leider )?aus|findet (?:leider )?nicht statt|"
        r"disdett[oa])\b"
    )
)
# An option offered, not taken: "if you need to cancel", "Puedes reprogramar o cancelar aquí", "si
# vous devez annuler", "falls Sie absagen müssen", "als je wilt annuleren".
_CANCEL_ASIDE = re.compile(
    r"(?:\bif\b|\bshould\b|in case|whether|policy|\bneed to make changes|\bsi\b|\bfalls\b|\bwenn\b|\bsollten\b|"
    r"\bals\b|\bindien\b|\bmocht\b|\bcaso\b|\bpuedes\b|\bpuede\b|\bpouvez\b|\bkönnen sie\b|\bkunt u\b|\bkun je\b|"
    r"\b(?:reschedule|reprogramar|reagendar|modifier|déplacer|umbuchen|verschieben|verzetten|wijzigen) (?:or|o|ou|oder|of)\s*$)"
    r"[^.!?\n]{0,60}$"
)
_INTERVIEW = re.compile(
    factored(
        r"\b(?:interview\w*|(?:phone|video|technical|tech|recruiter|hr|initial|first|intro|hiring manager|culture|virtual)\s+screen\w*|"
        r"screening call|screen with|recruiter (?:call|chat)|intro(?:ductory)? call|"
        r"on-?site|technical (?:round|call|session|assessment)|panel|final round|hiring manager|"
        r"coding (?:session|exercise|round)|case study|meet the team|chat with|conversation with|call with|"
        r"vorstellungsgespräch\w*|gespräch\w*|entretien\w*|entrevue\w*|entrevista\w*|sollicitatiegesprek\w*|kennismakingsgesprek\w*|gesprek\w*|"
        r"intervju\w*|anställningsintervju\w*|jobbintervju\w*|jobsamtale\w*|samtal\w*|rozmow\w*|colloqui\w*|"
        r"(?:first|second|third|fourth|next|final|1st|2nd|3rd|4th|last) (?:round|stage)|(?:round|stage) (?:one|two|three|[1-4])|"
        r"(?:zweite|dritte|nächste|finale|letzte) runde|(?:segunda|tercera|última) ronda|(?:tweede|derde|laatste) ronde|"
        r"(?:portfolio|case|design|code) (?:review|presentation)|walk-?through|gesprek\w*|\w+(?:interview|gespräch|gesprek|entrevista|entretien)\w*|"
        r"shadow(?:ing)? (?:shift|day|session)|job shadow\w*|working interview|trial (?:shift|day)|"
        r"case-?(?:präsentation|présentation|presentación|presentatie|studie)|fallstudie|"
        r"(?:founder|ceo|cto) (?:chat|call|meeting)|(?:chat|call) w/|hearings?(?! (?:from|back|about|more|what|how|your|you))|"
        # a public service's oral before a board: "épreuve orale", "mondelinge proef", "prueba oral", "oral board"
        r"épreuves? orales?|examen oral|mondelinge (?:proef|toets)|pruebas? orales?|mündliche prüfung|oral (?:board|exam\w*|interview)|"
        r"(?:deuxième|seconde?|troisième|2e|3e|zweites|segunda|tweede) (?:rencontre|rendez-vous|échange|treffen|reunión|kennismaking))\b"
    )
)
# A call or chat is an interview when the mail is about a role ("a quick chat about the role").
_CALL = re.compile(
    factored(
        r"\b(?:call|chat|talk|speak|meet|zoom|teams meeting|google meet|slots?|calendly|ring|catch[- ]?up|llam\w+|conversaci[oó]n|conversa|"
        r"llamada|videollamada|charla|hablar|reunión|appel|échange|échanger|visio|rencontrer|discut\w*|debrief\w*|"
        r"pl[áa]tica|platicar|platicamos|"
        r"telefonat|kennenlernen|termin|videocall|gesprek|bellen|"
        # a visit: "bei uns im Büro", "come by our office", "dans nos locaux", "op kantoor"
        r"im büro|vor ort|bei uns (?:in|im|am|an der)|(?:in|at|to|by) (?:the|our) office|dans nos locaux|en (?:la|nuestra) oficina|op (?:ons )?kantoor)\b"
    )
)
_CONFIRM = re.compile(
    factored(
        r"\b(?:confirm\w*|scheduled|is set|are set|booked|locked in|see you|looking forward to (?:speaking|meeting|talking|our)|"
        r"invitation|invited|invites? you|join (?:us|the call|the meeting)|rescheduled|moved to|new time|updated time|"
        r"bestätig\w*|eingeladen|einladung|confirm(?:é|ée|ons|o|amos|ada|ado)|programad[oa]|prévu|invitation|"
        r"bevestig\w*|ingepland|uitgenodigd|uitnodiging|agendad[oa]|marcad[oa]|convidad[oa]|convite|"
        # "we willen haar graag uitnodigen … op maandag 30 november", "heeft het meteen vastgelegd", "Termin fixiert"
        r"uitnodigen|vastgelegd|vastgezet|gepland|fixiert|festgelegt|"
        r"bekräft\w*|bekræft\w*|bekreft\w*|inbjudan|välkomnar dig|potwierdz\w*|zaprosz\w*|conferm\w*|invit\w*|"
        # "le plaisir de vous convier à …", "vous êtes convoqué(e)", "queda convocada", "te citamos el …"
        r"convi(?:er|ons|ez|ée?s?)|convocation|convoqu(?:é|ée|er)|convocad[oa]|(?:te|le|les) citamos|"
        # An ATS sending the day's itinerary: "below is your schedule", "looking forward to your onsite".
        r"(?:below|here) is your (?:[\w-]+ ){0,2}(?:schedule|itinerary|agenda)|looking forward to your (?:[\w-]+ )?(?:interview|onsite|visit|session))\b"
    )
)
# How people fix a time in their own words, beyond "confirmed": "let's move our interview to …",
# "Owen will call you on Friday at 2pm", "please find the details below — Date & Time: …".
_FIXES_TIME = re.compile(
    at_word_start(
        r"\b(?:let'?s|let us) (?:plan|move|push|shift|reschedule|meet|do|go with|say|keep|speak|talk|fix|lock|pencil|book)\b"
        r"|\bwe(?:'ll| will) (?:meet|speak|talk|chat|call)\b|\b(?:works|suits) (?:great|perfectly|well|for (?:me|us))\b"
        r"|\b(?:got|have|\w+'ve got|booked|pencil+ed|popped|put) you (?:both |all )?(?:in|down) for\b|\ball set for\b"
        # "Te llamo el jueves 22 a las 09:00", "je vous appelle mardi", "dann halten wir das so fest"
        r"|\bte (?:llamo|llamaré|marco|marcaré)\b|\bje vous (?:appelle|appellerai)\b|\bhalten wir (?:\w+ ){0,2}fest\b"
        r"|\bquedamos (?:el|en|a|para|mañana|hoy|pasado mañana)\b|\bqued[óo] (?:para|el|agendad[oa])\b|\blo dejamos así\b|\bmovemos (?:nuestra |la )?(?:entrevista|llamada|reunión)\b"
        r"|\bficamos (?:para|na|no)\b|\bc'est calé\b"
        # "ci sentiamo domani alle 11", "ti chiamo io", "ringer jeg deg i morgen", "dzwonię do Pana"
        r"|\bci sentiamo\b|\b(?:ti|la) chiamo\b|\bringer (?:jeg |jag )?(?:deg|dig)\b|\bzadzwonię\b"
        # "Friday 30th at 2:30 it is", "Great - moved. … consider it done: Friday Dec 4"
        r"|\b(?:\d|noon)[\w:]* it is\b|\bit'?s a date\b|\bconsider it (?:done|booked|confirmed)\b|\bmoved[.!]"
        r"|(?:will|\w+'ll) (?:call|ring|phone|meet|speak with|video call) \w+ (?:on|at|tomorrow|this|next)\b"
        r"|\b(?:mov|push|shift|reschedul)\w* (?:our|the|your) (?:[\w-]+ ){0,3}(?:interview|call|chat|meeting|conversation|screen|review|session)"
        r"|details? (?:below|are as follows)|date (?:&|and) time\s*:|^\s*when\s*:|you(?:'ll| will) (?:be )?(?:meet|speak|talk)\w*"
        r"|forward(?:ing)? (?:the|this|you the) (?:calendar )?(?:invite|invitation|appointment)|shortlisted"
        r"|wir (?:freuen uns auf (?:das|unser|ihren besuch|sie)\b|sehen uns)|nous vous attendons|je vous attends|rendez-vous (?:est )?fixé|te esperamos"
        # "C'est parfait pour mardi", "À mardi !", "Perfecto, el jueves", "Bis Donnerstag!", "perfect for Tuesday"
        r"|\bc'est (?:parfait|noté|bon|ok) pour\b|^\s*à (?:lundi|mardi|mercredi|jeudi|vendredi|demain)\b|\bnos vemos\b"
        r"|^\s*bis (?:montag|dienstag|mittwoch|donnerstag|freitag|morgen)\b|\bpasst (?:gut|perfekt|bestens)\b|\bperfect for (?:monday|tuesday|wednesday|thursday|friday|tomorrow)\b"
    ),
    re.MULTILINE,
)
_SCHEDULING = re.compile(
    at_word_start(
        r"(?:your|share|send|provide|submit|with|me|us|know|enter|give|indicate) (?:[\w-]+ ){0,2}availability|availability (?:for|next|this|on|in)\b"
        r"|available (?:times|slots|for)|when (?:are|would) you (?:be )?(?:free|available)|what times? (?:work|suit)"
        r"|(?:\d(?:[–-]\d)?|two|three|four|a couple of|some|several) (?:[\w-]+ ){0,2}(?:times|windows|slots|dates|options) (?:that )?(?:work|suit|next|this|for)"
        r"|(?:pick|book|select|choose|grab|find) (?:a|an|your|the best|a convenient|a suitable|any)? ?(?:[\w-]+ )?(?:time|slot)|schedule (?:a time|your|an interview|a call)|self-schedul"
        r"|calendly\.\w+/|(?:in|on|from) my (?:agenda|calendar|calendly)\b|"
        r"te viene bien|te va bien|qué huecos|huecos (?:libres|tienes)|elige (?:el día|la hora|un hueco|tu)|reserva(?:r)? (?:tu )?entrevista|"
        r"choisissez (?:un créneau|la date|votre)|réservez (?:votre|un)|escolha (?:o dia|um horário)|"
        r"(?:choose|select|pick|book) (?:one of|your|a) (?:the following )?(?:sessions?|dates?|options?|slots?|places?)|"
        # a one-way video interview is recorded whenever the candidate likes before a deadline
        r"one-way video|on-demand (?:video )?interview|record (?:your )?(?:video )?(?:answers|responses)|time slots?|a few (?:times|windows|slots|dates)|(?:times?|windows?|slots?|dates?) (?:that )?(?:suit|work) (?:for )?you"
        r"|propose (?:some )?times|let me know (?:when you(?:'re| are| would be)? (?:free|available)|what times?|which (?:times?|days?|slots?)|what (?:suits|works))"
        r"|\b(?:are )?you free\b[^.?!\n]{0,40}\?|(?:your )?preferred (?:slot|time|date)s?\b|revert with your (?:availability|preferred)"
        r"|verfügbarkeit|wann (?:haben|hätten) sie zeit|wann (?:hast|hättest) du zeit|terminvorschl\w*|terminabstimmung|terminfindung|zeitfenster"
        r"|(?:an welchen|welche) (?:tagen?|termine?)|welche[rs]? der (?:folgenden|nachstehenden|vorgeschlagenen) |sie zeit (?:hätten|haben)"
        r"|(?:zwei|drei|einige|ein paar)(?:(?:,| oder| bis) (?:zwei|drei|vier))? (?:mögliche |passende |freie )?(?:vorschläge|termine|slots|zeitfenster)"
        r"|quand (?:seriez|êtes)-vous disponible|vos disponibilités|cuándo (?:tienes|tendrías|te viene)|qué (?:días|mañanas|tardes|horas)"
        r"|(?:tienes|tiene|tendrías|tendría) (?:libres?|disponibles?)\b"
        r"|(?:tu serais|vous seriez|t'es|tu es) dispo(?:nible)?s? quand|dispo quand|franjas?(?: horarias?)?\b"
        r"|disponibilit|créneaux|disponibilidad|horarios|beschikbaarheid|horários"
        # Québec "deux ou trois plages qui te conviennent", "des plages horaires"
        r"|plages?(?: horaires?)? qui (?:te|vous) (?:convien|conviendr)\w*|(?:deux|trois|quelques|des) (?:ou (?:deux|trois|quatre) )?plages\b"
        r"|wat komt (?:jou|je|u) (?:het beste )?uit|(?:moment|tijd|dag)(?:en)? (?:dat|die) (?:jou|je|u) (?:\w+ ){0,3}(?:uitkomt|uitkomen|schikt|schikken|past|passen)"
        r"|(?:een paar|enkele|wat|twee|drie|twee of drie|twee à drie) (?:momenten|tijdstippen|opties|data)\b"
        r"|wanneer (?:zou |zal )?(?:het )?(?:je|jou|u) (?:het )?(?:\w+ )?(?:passen|uitkomen|schikken)|wat (?:je|jouw|uw) voorkeur heeft"
        r"|kies (?:hieronder )?(?:zelf )?een (?:\w+ )?(?:moment|tijd|tijdstip|tijdslot)|plan (?:je|uw) (?:\w+ )?(?:gesprek|afspraak) in|tijdsloten"
        r"|reserveer(?:t)? (?:u |je )?(?:uw |je )?(?:een )?(?:moment|tijdstip|plaats)"
        r"|welk moment (?:jou|je|u) (?:het )?(?:best|beste) (?:past|uitkomt|schikt)|(?:stellen|stel) (?:de )?volgende momenten voor"
        r"|(?:op )?welke momenten (?:u|je|jij)\b|wanneer (?:u|je|jij) (?:\w+ ){0,3}beschikbaar|zelf een (?:moment|tijdstip|datum) (?:kiezen|inplannen|boeken)"
        r"|(?:in|uit) mijn agenda|in meinem kalender|dans mon agenda|en mi (?:agenda|calendario)"
        # "Sag mir einfach, was dir passt", "welcher Termin Ihnen passt", "welk moment uw voorkeur heeft"
        r"|(?:was|welche[rs]?(?: termin| tag| zeit)?) (?:dir|ihnen|euch) (?:am besten )?passt|welke? (?:moment|datum|tijd|dag) (?:uw|je|jouw) voorkeur"
        r"|boka (?:en |din )?(?:tid|intervjutid)|vilka tider|tider som passar|tidspunkt(?:er)? (?:der|som) passer|book en tid"
        r"|dostępnoś\w*|(?:jakie|które) terminy|zarezerwuj|disponibilità|fasce orarie|quando (?:sarebbe|saresti) disponibile"
        # A link to pick a slot from, in German: "wählen Sie einen passenden Termin", "Terminauswahl".
        r"|terminauswahl|termin\w* (?:aus)?w[äa]hl|w[äa]hlen sie[^.]{0,80}termin"
        # two days offered in one breath: "Ik kan dinsdag 27/10 (vanaf 13u) of woensdag 28/10", "Tuesday or Thursday"
        r"|(?:monday|tuesday|wednesday|thursday|friday|maandag|dinsdag|woensdag|donderdag|vrijdag|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)\b[^.?!\n]{0,60}?\b(?:or|of|ou|oder|o)\s+(?:on\s+|le\s+|el\s+|am\s+|op\s+)?(?:monday|tuesday|wednesday|thursday|friday|maandag|dinsdag|woensdag|donderdag|vrijdag|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)\b"
        r"|(?:zou|heb|hebt) (?:je|jij|u) (?:\w+ ){0,3}tijd\b|wat (?:jou|je|u) (?:het )?best(?:e)? (?:past|uitkomt)"
    )
)
# Times offered or asked about, not settled: "would either of these work?", "does 2pm PT work for you?".
_PROPOSAL = re.compile(
    factored(
        r"(?:please|can you|could you) (?:please )?confirm (?:whether|if)|(?:do|does|would|will|could|can) (?:any|one|either|both) of "
        r"(?:these|the following|those|the)|which (?:of these |of the following )?(?:times?|slots?|options?) "
        r"(?:works?|suits?)|(?:these|the following) (?:times?|slots?|options?) (?:work|suit)|if (?:neither|none) (?:of (?:these|them|those) )?(?:works?|suits?)"
        r"|\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|uhr|h|ish)(?![a-z])[^.!?\n]{0,60}\?"
        r"|(?:^|\n)[ \t]*(?:slot|option) (?:[ab12])\s*:"
        r"|\b(?:does|would|will|could|can) [^.!?\n]{0,40}\b(?:work|suit)(?: for you)?\s*\?"
    )
)
_NOT_FOR_CANDIDATE = re.compile(
    factored(
        r"\b(?:webinar|podcast|episode|masterclass|master class|workshop|meetup|info(?:rmation)? session|live q&a|ama\b|"
        r"conference (?:talk|ticket|pass|session)|summit|office hours|mock (?:[\w-]+ ){0,3}interview|interview tips|interview prep|ace your|"
        r"practice (?:interview|round|session)|mentor|booked via|doors (?:open|at|\d)|talks? (?:from|start)|pizza|hosted at|"
        r"user interviews?|research participants?|take part in (?:a|an|our) (?:[\w-]+ ){0,3}(?:study|session|interview)|voucher|gift card|"
        r"newsletter|you(?:'re| are) registered|thanks for registering|registration confirm\w*|mentoring|mentorship|"
        r"webinaire|webinario|seminario web|inscription confirmée|inscripción confirmada|anmeldebestätigung|"
        r"inschrijving bevestigd|replay|"
        r"dentist|dental|doctor|appointment reminder|hygien|dinner|birthday|(?:holiday|christmas|office|farewell|launch) party|brunch|"
        # a bank or insurer's customer appointment: "Entretien avec votre conseillère", "espace client"
        r"votre conseill(?:er|ère)|espace client|your (?:financial|bank|mortgage) advis[oe]r|"
        # a car's service: "l'entretien de votre véhicule", "Werkstatttermin", "onderhoudsbeurt"
        r"(?:entretien|révision) (?:du|de votre) véhicule|vehicle (?:service|maintenance)|car service|oil change|"
        r"werkstatttermin|inspektionstermin|revisión (?:del|de su) (?:vehículo|coche)|onderhoudsbeurt|apk-keuring|"
        # a mortgage or bank advice appointment
        r"hypotheek\w*|mortgage|hypothek\w*|hipoteca\w*|hypothèque|prêt immobilier|"
        r"job alert|jobs? (?:you may|for you|recommended)|recommended jobs|new jobs|unsubscribe from (?:job|these) alerts|"
        # Interviews that are not for a job: a consulate's visa appointment, a journalist's story.
        r"consulate|consular|embassy|visa (?:class|type|category|appointment|interview)|"
        r"(?:i'm|i am|as) a (?:\w+ )?(?:reporter|journalist|writer|editor)\b|"
        r"(?:je suis|ich bin|soy|ik ben|sono) (?:une? |eine? |una? |een )?(?:\w+ )?(?:journaliste|journalist(?:in)?|periodista|giornalista|rédact(?:eur|rice))\b|(?:for|in) (?:a|an|my|our) (?:story|article|feature|piece|column|report) (?:about|on))\b"
    )
)
# Pre-employment checks are appointments, not interviews: "your drug screen", "background check".
_SCREENING = re.compile(
    factored(
        r"\b(?:drug (?:screen\w*|test\w*)|background (?:check|screen\w*|investigation)|pre-employment (?:screen\w*|test\w*|physical)|"
        r"medical (?:exam\w*|check)|fingerprint\w*|occupational health|collection site|e-verify|i-9|"
        # tests taken alone are not interviews: "complete the online assessment", HackerRank, Codility
        r"online assessment|coding assessment|(?:hackerrank|codility|codesignal|testgorilla|coderbyte)(?:\.\w+)?|"
        r"complete (?:the|your|this|a) (?:\w+ )?(?:assessment|test|challenge|exercise)|take-home (?:exercise|assignment|test|challenge))\b"
    )
)
# Mail that is plainly about the owner's own interview outweighs a stray "workshop" or "dinner".
_OWN_INTERVIEW = re.compile(
    r"\byour (?:[\w-]+ ){0,3}(?:interview|screen|onsite|entretien|entrevista|vorstellungsgespräch)"
    r"|\binterview(?:ing)? for (?:the|our|a|an)\b|\byou(?:'re| are| have been) (?:invited|shortlisted|scheduled|confirmed)\b"
)
# The owner sits on the other side of the table: interviewing a candidate, hosting a booked call.
_OWNER_HOSTS = re.compile(
    factored(
        r"\b(?:scorecards?|interview kit|interview loop for|feedback form|submit (?:your )?(?:feedback|scorecard)|"
        r"you(?:'ve| have)? been (?:scheduled|invited|asked|booked) to interview|you(?:'re| are) (?:scheduled|invited) to interview|"
        r"interviewer(?:s)? (?:training|guide|briefing)|candidate(?:'s)? (?:resume|cv|packet)|"
        r"interview(?:ing)? (?:the |a |our )?candidate|invitee(?: email)?:|a new event has been scheduled|"
        r"(?:booked|scheduled) (?:a |an )?(?:time|meeting|event|call) with you|"
        # Someone the owner referred is the candidate: "your referral has been scheduled".
        r"(?:about|on|for) your referral\b|your referral(?:'s)? (?:has|is|was|candidate|update)|you referred|"
        r"referral (?:update|status|bonus|program)|"
        # "te agendé como entrevistadora técnica para el candidato", "als Interviewerin", "en tant que membre du jury"
        r"como entrevistador[a]?|entrevistador[a]? (?:técnic[oa] )?para (?:el|la) candidat[oa]|als interviewer(?:in)?|"
        r"en tant qu(?:e|')\s?(?:intervieweu[rs]e?|membre du jury|recruteu[rs]e?)|come intervistat(?:ore|rice)|"
        r"jako (?:rekruter|osoba prowadząca)|entretien candidat|tu (?:mènes|mèneras|conduis) l'entretien|"
        r"vous (?:menez|mènerez|conduirez) l'entretien|siéger (?:au|dans le) jury|planning des candidats|"
        # "la grille d'entrevue", "je te laisse mener la partie comportementale", "entrevue de candidat"
        r"grille d'(?:entrevue|entretien|évaluation)|(?:te|vous) laisse mener|entrevue de candidat|interview (?:grid|scoring sheet)|"
        r"(?:schedule|list) of candidates|candidate schedule|liste des candidats|"
        # "merci d'accepter de faire partie du panel", "thanks for joining the panel", "auf der Interviewerseite"
        r"(?:accepter|acceptes?|accepté) de faire partie du (?:panel|jury|comité)|(?:thanks|thank you) for (?:joining|sitting on) the (?:interview )?panel|"
        r"(?:her|his|their) (?:cv|resume|résumé|portfolio) (?:is|are) in the|(?:le|son) cv et (?:le|son) portfolio de|"
        # "gracias por aceptar formar parte del tribunal … Entrevistaremos a tres candidatos … Te paso sus CV"
        r"(?:aceptar|aceptado|aceptes) formar parte del (?:tribunal|comité|panel|jurado)|"
        r"entrevistaremos a (?:los |las )?(?:dos|tres|cuatro|cinco|seis|\d+) candidat|(?:te|le) paso (?:sus|los) cv)"
    )
)
# The time was moved, stated as done: a reschedule fixes the new time even where it says the old
# slot is "cancelled".
_RESCHEDULED = re.compile(
    at_word_start(
        r"\b(?:interview|call|chat|screen|meeting|conversation|onsite|session|time|slot|it)\b[^.\n]{0,90}?"
        r"\b(?:has|have|had|was|were|is|are)(?: been| now| just){0,2} (?:rescheduled|moved|changed|pushed|shifted)\b"
        r"|\b(?:we|i)(?:'ve| have|'re| are| am|'m) (?:rescheduled|moved|pushed|shifted|rescheduling|moving|pushing|shifting) (?:your|our|the|it)\b"
        # German puts the verb last: the meeting is named before it ("das Gespräch auf Montag verschoben"),
        # not a client's project ("hat sein Projekt ins nächste Jahr verschoben")
        r"|\bnew (?:time|date|slot)\b|a été (?:déplacé|reporté|reprogrammé)e?"
        r"|\b(?:\w*gespräch\w*|\w*termin\w*|interview\w*|telefonat\w*|call|meeting|treffen|kennenlernen|es|ihn|sie)\b[^.\n]{0,80}?\b(?:verschoben|verlegt)\b"
        r"|ha sido (?:reprogramad|cambiad|movid)[oa]|is verzet|(?:is|wordt) verplaatst|foi (?:remarcad|reagendad)[oa]"
        r"|\b(?:verplaatst|omgezet|verzet|verschoven) naar\b"
        r"|\bflytta(?:t|r|de)? (?:\w+ ){0,2}(?:intervjun|mötet|samtalet|till)\b|\bflyttet\b|\bprzełoż\w*|\bspostat[oa]\b|\bspostare\b"
        r"|\b(?:movemos|cambiamos|pasamos) (?:nuestra |la )?(?:entrevista|llamada|reunión)"
        # "einen neuen Termin fest zusagen", "le report de notre entretien au lundi", "nueva fecha",
        # "nieuwe datum" (but not "einen neuen Termin finden": that one is still to be found)
        r"|\bneuen? termin\b(?! (?:zu |\w+ ){0,3}(?:finden|vereinbaren|abstimmen|suchen|ausmachen)\b)"
        # Swiss "findet unser Gespräch neu am Freitag … statt"
        r"|\bneu (?:am|um|auf)\b"
        r"|\ble report (?:de|du) (?:notre |votre |l')?(?:entretien|rendez-vous|échange)\b"
        r"|\b(?:reporté|décalé|déplacé)e? (?:au|à)\b|\bnouve(?:au|l|lle) (?:créneau|horaire|date|rendez-vous)\b"
        r"|\bnuev[oa] (?:fecha|hora|horario)\b|\bnieuwe (?:datum|tijd|afspraak|tijdstip)\b"
    )
)
# "I'll reach out to find a new time": the new slot is still to be found.
_STILL_TO_FIND = re.compile(
    factored(
        r"\b(?:find|finding|propose|suggest|look(?:ing)? for|arrange|agree on|pick|choose|send you|trouver|proposer|convenir d'|"
        r"fixer|encontrar|buscar|proponer|acordar|cerrar|fijar|vinden|zoeken|afspreken)\s+(?:\w+\s+){0,2}?(?:a|an|some|un|une|una|een)?\s*$"
        # "Ich melde mich, sobald ich … einen neuen Termin habe", "as soon as we have a new time"
        r"|\b(?:sobald|zodra|dès que|en cuanto|once|as soon as)\b[^.!?\n]{0,60}$"
        # "we nemen contact op voor een nieuwe afspraak", "we'll be in contact about a new date"
        r"|\bcontact\w*\s+(?:\w+\s+){0,2}(?:voor|for|about|pour|para|über)\s+(?:een|a|un|une|una|einen)?\s*$"
    )
)
# A step promised for later, not taken now: "a member of our team will contact you to schedule",
# "we'll send you a confirmed time", "if you are shortlisted".
_LATER = re.compile(
    r"(?:(?:\bwill|'ll|\bmay|\bmight|\bshall) (?:send|email|share|contact|reach|get|follow|let|be in touch|provide|forward)\b"
    # "the most qualified candidates will be invited to a panel interview"
    r"|\bwill be"
    r"|\bonce\b|\bas soon as\b|\bif (?:you are|you're|your|selected|shortlisted)"
    # thanks for what was done: "Thanks for sending your availability."
    r"|\bthanks? (?:you )?(?:so much |again )?for"
    # what was passed on: "Mme Perrenoud m'a transmis vos disponibilités", "hat mir Ihre Zeitfenster geschickt"
    r"|\b(?:m'a|m'ont|nous a|nous ont) transmis|\bmerci pour|\bhat mir|\bhaben uns|\bme (?:pasó|pasaron)|\bheeft (?:mij|me|ons))"
    r"(?:\s+[\w'-]+){0,6}\s*$"
)
_RECEIVED = re.compile(
    factored(
        r"(?:thank you|thanks) for (?:applying|your application|your interest)|(?:we(?:'ve| have)|has been) received your application"
        r"|application (?:has been )?received|we received your application|your application (?:for|to) .{0,80} (?:was|has been) (?:received|submitted)"
        r"|bewerbung (?:ist )?eingegangen|candidature (?:a bien été )?reçue|hemos recibido tu (?:solicitud|candidatura)"
        r"|tack för din ansökan|tak for din ansøgning|takk for (?:din )?søknad|dziękujemy za (?:przesłanie )?(?:aplikacj|zgłoszen)\w*"
        r"|candidatura (?:è stata )?ricevuta|abbiamo ricevuto la (?:tua|sua) candidatura"
        r"|eingangsbestätigung|(?:bewerbung|bewerbungsunterlagen)(?: \w+){0,3} (?:ist|sind) (?:\w+ ){0,3}(?:eingegangen|eingelangt)"
        r"|accusé de réception|acuse de recibo|ontvangstbevestiging"
    )
)
# Feedback asked about the process: a candidate-experience survey is not a reply about the application.
_SURVEY = re.compile(
    factored(
        r"how likely are you to recommend|(?:hear|feedback) (?:about|on) your (?:interview|candidate|application) experience"
        r"|\b(?:survey|questionnaire|umfrage|fragebogen|enquête|encuesta|enquete|pesquisa)\b[^.\n]{0,60}"
        r"\b(?:takes?|minutes?|minuten|anonym\w*)\b"
    )
)
# Not the period of an abbreviation: "(réf. WR-RH-2026-19), est annulé" is one sentence.
_SENTENCE_END = re.compile(r"(?<!\bréf)(?<!\bref)(?<!\bnr)(?<!\bno)(?<!\bca)[.!?\n]")
# A job title in the subject ("Re: Founding backend engineer @ Driftwood") says the thread is about a job.
_JOB_TITLE = re.compile(
    factored(
        r"\b(?:engineer|developer|designer|scientist|analyst|architect|programmer|product manager|engineering manager|"
        r"ingénieur|développeu\w*|ingeniero|desarrollador\w*|\w*entwickler\w*|\w*ingenieur\w*|"
        r"(?:senior|staff|lead|principal|junior|group|associate) (?:pm|tpm|pmm|product \w+|\w+ manager))\b"
    )
)
# A guest's answer to an invitation ("Accepted: …") says nothing new about the interview.
_CALENDAR_RESPONSE = re.compile(
    r"^(?:accepted|declined|tentative(?:ly accepted)?|updated proposed time|new time proposed|angenommen|abgelehnt|"
    r"mit vorbehalt angenommen|accepté|refusé|provisoire|aceptado|rechazado|provisional|geaccepteerd)\s*:"
)
_APPLICATION = re.compile(
    factored(
        r"\b(?:application|applied|candidacy|candidates?|role|position|interview\w*|offer|references?|next steps|resume|cv|"
        r"hiring|hiring team|recruiting team|opportunity|(?:hiring|interview|recruiting) process|bewerbung|stelle|"
        r"kandidat\w*|gespräch\w*|vorstellungsgespräch|position|design challenge|take-home|take home|assignment|"
        r"candidature|candidat\w*|poste|entretien|entrevue|candidatura|puesto|proceso|vaga|entrevistas?|processo|"
        r"postulaci[óo]n|postulaste|vacante|posici[óo]n|posició|positions|postes|processus|(?:selection|recruitment|staffing) process|"
        # after an offer is accepted: "so we can hold your January 11 start date", "background check"
        r"start date|pre-employment|background check|onboarding|new[- ]hire|"
        # a public selection procedure: "Procédure AWMD-2026-05", "le jury a terminé les épreuves", "Auswahlverfahren"
        r"procédure|jury|épreuves?|auswahlverfahren|selectieprocedure|sollicitatieprocedure|"
        r"étape suivante|prochaine étape|nächsten? schritte?|siguiente paso|próximo paso|volgende stap|"
        r"sollicitatie|gesolliciteerd|kandidatuur|vacature|functie|gesprek\w*|referenties|referenzen|références|referencias|"
        r"ansökan|ansøgning|søknad|tjänsten|stillingen|referenser|referanser|aplikacj\w*|kandydat\w*|rekrutac\w*|"
        r"stanowisk\w*|referencj\w*|posizione|selezione|ruolo|referenze)\b"
    )
)


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything the classifier looks at, gathered by `facts` from one message."""

    subject: str
    text: str
    from_owner: bool
    automated: bool
    human_sender: bool
    is_reply: bool
    calendar_request: bool
    calendar_cancel: bool
    has_future_time: bool
    owner_is_colleague: bool
    owner_is_candidate: bool = False
    names_role: bool = False
    employer_sender: bool = True
    slot_context: str | None = None
    employer_named: bool = True
    from_person: bool = False
    calendar_reply: bool = False
    # distinct days laid out as rows of their own ("- Tue 1 Dec, 14:00", "- Wed 2 Dec, 9:30"): options
    offered_days: int = 0


# Links read as their host only: paths say "meetup-join", "candidate", "cancel" without meaning it.
_URL = re.compile(r"\b(?:https?://|www\.)([^/\s<>\"')]+)[^\s<>\"')]*", re.IGNORECASE)


def _stated(pattern: re.Pattern[str], text: str, aside: re.Pattern[str]) -> bool:
    """A match of `pattern` whose own clause does not make it hypothetical or a later step."""
    return any(not aside.search(text[max(0, m.start() - 80) : m.start()]) for m in pattern.finditer(text))


def _cancels(text: str) -> bool:
    return _stated(_CANCEL, text, _CANCEL_ASIDE)


def _plain(text: str) -> str:
    return text.lower().replace("’", "'")


def _texts(s: Signals) -> tuple[str, str, str]:
    subject = _plain(s.subject)
    text = _plain(_URL.sub(r"\1/", s.text))
    return subject, text, f"{subject}\n{text}"


def _not_the_candidates(s: Signals, subject: str, head: str) -> bool:
    """Mail that is not about the owner's own candidacy: events, marketing, alerts, personal
    appointments, and interviews the owner holds or hosts as an employee."""
    if _NOT_FOR_CANDIDATE.search(subject):
        return True
    # a check, test or take-home sent by a system; from a person it is a step they talk about with the owner
    screening = _SCREENING.search(head) and not s.from_person
    if screening and (_SCREENING.search(subject) or not _INTERVIEW.search(_SCREENING.sub(" ", head))):
        return True
    if _NOT_FOR_CANDIDATE.search(head) and not _OWN_INTERVIEW.search(head):
        return True
    return s.owner_is_colleague or (bool(_OWNER_HOSTS.search(head)) and not s.owner_is_candidate)


def about_own_application(s: Signals) -> bool:
    """Whether company and role are worth recording for mail the classifier calls `other`."""
    subject, _, head = _texts(s)
    return not _not_the_candidates(s, subject, head)


# German "Absage"/"absagen" turns down an application or calls off a meeting ("Absage unseres
# Gesprächstermins", "den Termin leider absagen", "die kurzfristige Absage"): a meeting named beside
# it, or short notice, means the latter.
_MEETING = re.compile(
    r"termin|gespräch|interview|\bcall\b|meeting|telefonat|anruf|videocall|kurzfristig|kennenlernen|hearing|\d[:.]\d\d|\buhr\b|\bheute\b"
)


def _rejects(head: str) -> bool:
    """A rejection phrase whose sentence does not go on to call a meeting off: "we regret to
    inform you that we must cancel the interview" cancels a slot, not the application; nor
    one said as a possibility ("if you are not selected for this position")."""
    for match in _REJECTION.finditer(head):
        if _HYPOTHETICAL.search(head, max(0, match.start() - 60), match.start()):
            continue
        if "absag" in match.group() and _MEETING.search(head, max(0, match.start() - 120), match.end() + 40):
            continue
        end = _SENTENCE_END.search(head, match.end())
        if not _CANCEL.search(head, match.end(), end.start() if end else len(head)):
            return True
    return False


def classify(s: Signals) -> Kind:
    subject, text, head = _texts(s)
    if s.from_owner or s.calendar_reply or _CALENDAR_RESPONSE.match(subject):
        return Kind.OTHER
    # A subject that names an event, an alert or a personal appointment settles it before any
    # outcome word in the text ("bring your new employment contract" to a mortgage adviser).
    if _NOT_FOR_CANDIDATE.search(subject) and not s.owner_is_candidate:
        return Kind.OTHER
    if _rejects(head):
        return Kind.REJECTION
    if _stated(_OFFER, head, _NOT_AN_OFFER) and (not s.automated or _OFFER_SUBJECT.search(subject)):
        return Kind.OFFER
    about_job = s.names_role or bool(_APPLICATION.search(head) or _JOB_TITLE.search(subject))
    calendar = s.calendar_request or s.calendar_cancel
    interviewish = bool(_INTERVIEW.search(head) or ((_CALL.search(head) or calendar) and about_job))
    if _not_the_candidates(s, subject, head):
        return Kind.OTHER
    moved = s.has_future_time and not s.calendar_cancel and _stated(_RESCHEDULED, head, _STILL_TO_FIND)
    # "RE: Canceled: …" above a new time: the subject carries the old news, the text the new slot.
    # A reply's subject is the thread's: "RE: … Canceled" carries old news unless the text restates it.
    cancelled_in_subject = _cancels(subject) and not (
        REPLY_SUBJECT.match(subject)
        and ((s.has_future_time and _stated(_FIXES_TIME, head, _LATER)) or not _cancels(text))
    )
    # A live invitation that says the old one was cancelled is the new slot.
    text_cancels = _cancels(text[:600]) and not moved and not s.calendar_request
    if (s.calendar_cancel or cancelled_in_subject or text_cancels) and interviewish:
        return Kind.CANCELLATION
    personal = s.human_sender and not s.automated
    from_employer = s.employer_sender and (
        s.is_reply or s.employer_named or s.names_role or bool(REPLY_SUBJECT.match(subject))
    )
    proposal = _PROPOSAL.search(text)
    if (
        proposal
        and interviewish
        and not s.calendar_request
        and (from_employer or not personal or _about_interview(subject, text, proposal))
    ):
        return Kind.SCHEDULING_REQUEST
    # Rows of slots on different days are options to choose from, whatever the language asks with.
    asks_for_times = _stated(_SCHEDULING, head, _LATER) or s.offered_days >= 2
    if s.has_future_time and interviewish and (moved or _fixed(s, head)):
        # "we need to move it — could you send me 3–4 windows?": the old slot is named, none is set.
        if asks_for_times and not moved and not _firmly_fixed(s, head):
            return Kind.SCHEDULING_REQUEST
        return Kind.INTERVIEW_CONFIRMATION
    if asks_for_times and (interviewish or s.is_reply):
        return Kind.SCHEDULING_REQUEST
    # A recruiting team's mailbox answering in the owner's own thread, or writing in the first
    # person ("I apologise for the delay"), is a person writing.
    written = personal or (
        not s.automated
        and ((bool(REPLY_SUBJECT.match(subject)) and s.is_reply) or bool(_IN_PERSON.search(text)))
    )
    if _RECEIVED.search(head) and not written:
        return Kind.OTHER
    if _SURVEY.search(head) and not written:
        return Kind.OTHER
    if written and from_employer and (s.names_role or _APPLICATION.search(head)):
        return Kind.RECRUITER_REPLY
    return Kind.OTHER


_IN_PERSON = re.compile(
    factored(
        r"\bi (?:apologi[sz]e|am sorry|am writing|wanted to|hope)\b|\bi'm (?:sorry|writing)\b|\bmy apologies\b"
        r"|\bje (?:vous prie de|m'excuse|suis désolée?|reviens vers vous)\b|\bich (?:entschuldige|möchte mich)\b"
        r"|\bles (?:escribo|pido disculpas)\b|\b(?:disculpe|lamento) (?:la|el) (?:demora|retraso)\b|\bmis disculpas\b"
        r"|\bexcuses voor\b|\bik (?:bied|verontschuldig)\b"
    )
)


def _about_interview(subject: str, text: str, match: re.Match[str]) -> bool:
    """The subject or the paragraph of `match` speaks of an interview: a friend on a domain of their
    own asking "can I call you Thursday at 7pm?" below "how did the interviews go?" arranges none."""
    start = text.rfind("\n\n", 0, match.start()) + 1
    end = text.find("\n\n", match.end())
    return bool(_INTERVIEW.search(subject) or _INTERVIEW.search(text, start, end if end >= 0 else len(text)))


# Words that settle a time outright, as opposed to "looking forward to speaking with you".
_CONFIRM_FIRMLY = re.compile(
    r"\b(?:confirm(?:ed|ing|s|ation)?|scheduled|booked|locked in|is set|are set|bestätig\w*|"
    r"confirm(?:é|ée|ons|o|amos|ada|ado)|programad[oa]|agendad[oa]|ingepland|bevestig(?:d|t|en)|ter bevestiging|bekräft\w*|"
    r"bekræft\w*|bekreft\w*|potwierdz\w*|conferm\w*)\b"
)


def _firmly_fixed(s: Signals, head: str) -> bool:
    return s.calendar_request or _stated(_CONFIRM_FIRMLY, head, _LATER)


def _fixed(s: Signals, head: str) -> bool:
    """Whether the time is settled: a calendar request, a confirmation stated now (not promised),
    or, from a person at the employer, a phrase that fixes a time or one single concrete slot."""
    if s.calendar_request or _stated(_CONFIRM, head, _LATER):
        return True
    personal = s.human_sender and not s.automated and s.employer_sender
    return personal and (bool(_FIXES_TIME.search(head)) or _slot_about_meeting(s))


def _slot_about_meeting(s: Signals) -> bool:
    """A slot laid out in a paragraph (or under a heading) that speaks of the meeting, or under a
    subject that does: a friend's "vrijdag borrel? 19:30" below "good luck with the interview" is not."""
    if s.slot_context is None:
        return False
    context = _plain(f"{s.subject}\n{s.slot_context}")
    return bool(_INTERVIEW.search(context) or _CALL.search(context))
