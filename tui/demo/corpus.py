"""The bundled demo corpus: fictional regional outlets reporting a few events over a day.

Written for Wirewatch (no outlet, person or event here is real). Reports carry figures, one story has
casualty counts that change between outlets, one describes the same troops differently and places
the same drills at different times, and a wire copy is reprinted by a second outlet.
"""

from __future__ import annotations

from dataclasses import dataclass

OUTLETS = {
    "pamir-herald": ("Pamir Herald", ["central-asia", "tajikistan"]),
    "khujand-daily": ("Khujand Daily", ["central-asia", "tajikistan"]),
    "ferghana-wire": ("Ferghana Wire", ["central-asia", "uzbekistan", "wire"]),
    "steppe-observer": ("Steppe Observer", ["central-asia", "kazakhstan"]),
    "indus-courier": ("Indus Courier", ["south-asia", "pakistan"]),
}


@dataclass(frozen=True)
class Report:
    """One demo article: who, when (minutes after the demo starts), headline and text."""

    outlet: str
    minute: int
    title: str
    text: str


REPORTS: tuple[Report, ...] = (
    # -- Flash flood in the Vakhsh valley: the toll changes from outlet to outlet ------------------
    Report("pamir-herald", 0, "Flash flood hits Vakhsh valley villages, 12 dead",
           "A flash flood swept through three villages in the Vakhsh valley overnight. At least 12 people were "
           "killed and 40 injured, the regional emergency committee said. Rescuers are searching for 9 missing."),
    Report("ferghana-wire", 6, "Vakhsh valley flood kills 18, hundreds of homes damaged",
           "Floodwater tore through the Vakhsh valley on Tuesday night, killing 18 people. Hundreds of homes were "
           "damaged and 2,500 residents were moved to schools in Kurgan, local officials told Ferghana Wire."),
    Report("khujand-daily", 14, "Vakhsh valley flood kills 18, hundreds of homes damaged",
           "Floodwater tore through the Vakhsh valley on Tuesday night, killing 18 people. Hundreds of homes were "
           "damaged and 2,500 residents were moved to schools in Kurgan, local officials told Ferghana Wire."),
    Report("steppe-observer", 25, "Vakhsh flood: government confirms 15 dead, 2,500 evacuated",
           "The government revised the death toll from the Vakhsh valley flood to 15 dead after two of the missing "
           "were found alive. 2,500 residents remain in temporary shelters; $3 million in aid was released."),
    Report("pamir-herald", 41, "Vakhsh valley: rescuers reach cut-off village as water recedes",
           "Rescue teams reached the village of Sarband in the Vakhsh valley, cut off since the flood. The regional "
           "emergency committee now puts the toll at 15 dead and 46 injured."),
    # -- Border drills: 8,000 troops or reservists, next week or next month -------------------------
    Report("khujand-daily", 3, "Tajikistan to hold border drills with 8,000 troops next week",
           "Tajikistan will hold military drills near the Afghan border next week, the defence ministry said. "
           "About 8,000 troops and 120 armoured vehicles will take part at the Harbmaidon range, 20 kilometers "
           "from the border."),
    Report("indus-courier", 19, "Dushanbe calls up 8,000 reservists for border exercise next month",
           "Tajikistan has called up 8,000 reservists for an exercise on its border with Afghanistan next month, "
           "officials in Dushanbe said. The drills at the Harbmaidon range will also test air defence units."),
    Report("ferghana-wire", 33, "Tajik border drills to run from September 14 to 18 at Harbmaidon range",
           "The Tajik defence ministry said border drills at the Harbmaidon range will run from September 14 to 18. "
           "8,000 troops and 120 armoured vehicles are due to take part, 20 kilometers from the Afghan border."),
    # -- Rogun power deal ------------------------------------------------------------------------
    Report("steppe-observer", 9, "Kazakhstan signs $1.2 billion power deal for Rogun electricity",
           "Kazakhstan agreed to buy electricity from the Rogun hydropower plant under a $1.2 billion deal signed "
           "in Astana. Deliveries of 1,500 megawatts are to start in 2027."),
    Report("pamir-herald", 22, "Rogun electricity deal with Kazakhstan worth $1.2 billion",
           "Tajikistan signed a $1.2 billion agreement to export Rogun hydropower electricity to Kazakhstan, "
           "the energy ministry said. The deal covers 1,500 megawatts a year from 2027."),
    Report("indus-courier", 48, "Pakistan eyes share of Rogun power after Kazakh deal",
           "Pakistan's energy ministry said it wants a share of Rogun electricity after Kazakhstan signed its "
           "$1.2 billion deal, adding that the CASA-1000 line could carry 1,000 megawatts."),
    # -- Mine collapse ------------------------------------------------------------------------------
    Report("steppe-observer", 12, "Karaganda mine collapse traps 23 miners",
           "A tunnel collapsed at a coal mine near Karaganda, trapping 23 miners 400 meters underground, the "
           "emergencies ministry said. Rescuers have made contact with 19 of them."),
    Report("ferghana-wire", 28, "Rescuers reach trapped Karaganda miners, 20 brought out alive",
           "Rescuers brought 20 of the 23 miners trapped in a Karaganda coal mine to the surface alive, the "
           "emergencies ministry said. Three miners are still missing."),
    Report("steppe-observer", 52, "Karaganda mine: last three miners found alive",
           "The last three miners trapped in the Karaganda coal mine were found alive, ending a 30-hour rescue. "
           "All 23 miners are in hospital in stable condition."),
    # -- Election in Ferghana region ----------------------------------------------------------------
    Report("ferghana-wire", 17, "Ferghana regional council vote: turnout 64 percent",
           "Turnout in the Ferghana regional council election reached 64 percent, the election commission said. "
           "Results for the 60 seats are expected on Thursday."),
    Report("indus-courier", 36, "Ferghana regional election turnout put at 61 percent",
           "Observers put turnout in the Ferghana regional council election at 61 percent, lower than the "
           "commission's figure. 60 seats were contested by 214 candidates."),
    Report("khujand-daily", 45, "Ferghana council results: ruling bloc wins 38 of 60 seats",
           "The ruling bloc won 38 of the 60 seats in the Ferghana regional council election, the election "
           "commission said, on a turnout of 64 percent."),
    # -- Stories told once ----------------------------------------------------------------------------
    Report("khujand-daily", 8, "Khujand marathon draws record field",
           "A record 3,200 runners took part in the Khujand marathon on Sunday."),
    Report("indus-courier", 30, "Karachi port expands container terminal",
           "Karachi port opened a new berth that adds capacity for 400,000 containers a year."),
    Report("pamir-herald", 55, "Pamir highway reopens after landslide clearance",
           "The Pamir highway reopened near Khorog after crews cleared a landslide that blocked it for two days."),
)
