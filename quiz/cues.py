"""The fixed set of cue tags and the "How to spot it" guide written for each of them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cue:
    slug: str
    name: str
    look_at: str
    why_generators_fail: str
    when_it_misleads: str
    faq: list[str] = field(default_factory=list)


_CUES = [
    Cue(
        "eyes",
        "Eyes",
        "Look at both eyes together. Do the tiny reflections of light (the bright dots) match in "
        "shape and position? Do the pupils have the same round shape? Does the person blink "
        "normally in a video?",
        "Image generators draw each eye from patterns they have learned, not from one real "
        "scene, so the two reflections often disagree and pupils can come out oval or uneven.",
        "Glasses, make-up, contact lenses, low light or a tiny picture all change how eyes look "
        "in real photos too. One odd reflection alone is weak evidence.",
        ["can-you-spot-a-deepfake-by-eye", "why-deepfakes-look-real"],
    ),
    Cue(
        "teeth",
        "Teeth",
        "Zoom in on the mouth. Can you count separate teeth, or do they melt into one white "
        "strip? Do the edges of the lips stay sharp when the person talks?",
        "Teeth are small, repeated and half hidden, so a model learns them poorly and often "
        "paints a smooth band or the wrong number of teeth.",
        "Motion blur, braces, a low-quality video call or strong compression blur real teeth "
        "as well.",
        ["can-you-spot-a-deepfake-by-eye", "how-are-deepfakes-made"],
    ),
    Cue(
        "skin",
        "Skin",
        "Is the skin unnaturally smooth, like plastic, while the hair and clothes next to it are "
        "sharp? Are pores and small wrinkles missing in one patch but present around it?",
        "Face swaps and beauty filters smooth the face they paste in, and generators average "
        "away the fine texture that real skin has.",
        "Make-up, studio lighting and the beauty mode that many phone cameras switch on by "
        "default smooth real skin too.",
        ["can-you-spot-a-deepfake-by-eye", "what-is-a-cheap-fake"],
    ),
    Cue(
        "hair",
        "Hair",
        "Follow single strands of hair at the edge of the head. Do they end suddenly, blur into "
        "the background or merge with each other?",
        "Thin strands against a busy background are hard to draw and hard to cut out, so both "
        "generators and face swaps leave smudges there.",
        "Hair in motion, a shallow depth of field (blurred background) and compression can "
        "blur real hair.",
        ["can-you-spot-a-deepfake-by-eye"],
    ),
    Cue(
        "ears",
        "Ears and jewellery",
        "Compare the left and right ear and any earrings. Are they the same shape? Does an "
        "earring have a matching partner?",
        "Models draw each side separately and do not know that two earrings should match or "
        "that ears have a typical structure.",
        "People wear odd earrings on purpose, and ears are seldom perfectly symmetrical.",
        ["can-you-spot-a-deepfake-by-eye"],
    ),
    Cue(
        "lighting",
        "Lighting",
        "Where is the light coming from? Check that faces, objects and the background are lit "
        "from the same side and with the same colour of light.",
        "A pasted-in part was photographed under different light; generators do not simulate "
        "light physically, so highlights can point in different directions.",
        "Real scenes can have several lights (a window and a lamp), coloured light or flash.",
        ["what-is-a-cheap-fake", "how-to-check-a-suspicious-clip"],
    ),
    Cue(
        "shadows",
        "Shadows",
        "Does every object cast a shadow in the same direction? Does something stand on the "
        "ground without any shadow where it touches it?",
        "Shadows depend on the whole scene. A pasted object brings no shadow, and a generator "
        "often draws shadows that do not match the light.",
        "Overcast days give very soft shadows; several light sources give several shadows.",
        ["what-is-a-cheap-fake"],
    ),
    Cue(
        "edges",
        "Edges and blending",
        "Look along the outline of things: is there a soft halo, a sudden change in sharpness "
        "or grain, or a smeared border where one part meets another?",
        "Whenever two sources are combined, the border has to be blended. Blending leaves a "
        "softer, smeared band or a change in noise that the rest of the photo does not have.",
        "Portrait mode, heavy sharpening and compression also create halos around edges.",
        ["what-is-a-cheap-fake", "how-does-the-analysis-tool-work"],
    ),
    Cue(
        "background",
        "Background and repeats",
        "Look at the background as carefully as the main subject. Are there repeated patches "
        "(the same stone or cloud twice), smeared areas, or objects that make no sense?",
        "Erasing something fills the gap with copies of what is nearby; generators spend their "
        "effort on the subject and leave the background vague.",
        "Real textures such as grass, gravel or bricks repeat naturally, and background blur is "
        "normal in photos taken with a wide aperture.",
        ["what-is-a-cheap-fake", "can-you-spot-a-deepfake-by-eye"],
    ),
    Cue(
        "text",
        "Text and signs",
        "Read any writing in the picture: signs, labels, shirts, screens. Are the letters real "
        "letters and do the words make sense?",
        "Generators learn what writing looks like, not how to spell, so text often comes out "
        "as letter-like squiggles.",
        "Newer generators write much better, and real photos can contain blurry or foreign text.",
        ["can-you-spot-a-deepfake-by-eye", "detection-arms-race"],
    ),
    Cue(
        "hands",
        "Hands",
        "Count the fingers and look at how hands hold things. Do the fingers bend in possible "
        "ways?",
        "Hands take many shapes and often overlap, so generators have long struggled with the "
        "number and shape of fingers.",
        "Hands in motion blur, and newer generators often get hands right. Good hands do not "
        "prove a picture is real.",
        ["can-you-spot-a-deepfake-by-eye", "detection-arms-race"],
    ),
    Cue(
        "audio-sync",
        "Lip sync and audio",
        "In a video, watch the lips on sounds like p, b and m: the lips must close. Does the "
        "voice sound flat, or does its breathing not match the speaker?",
        "Lip-sync tools generate the mouth from the sound, and voice clones copy a voice but "
        "not the room it was recorded in.",
        "Bad internet connections and dubbing also put sound and lips out of step.",
        ["kinds-of-deepfakes", "deepfake-scams"],
    ),
    Cue(
        "provenance",
        "Provenance and labels",
        "Check where the file comes from: Content Credentials, a label that says it was made "
        "with AI, the account that posted it first.",
        "Honest AI tools label what they make, but labels and metadata are easy to remove, and "
        "easy to add to a real photo too.",
        "Missing metadata proves nothing (most sites strip it), and a label can be forged. "
        "Only a valid signature from a trusted source really counts.",
        ["what-are-content-credentials", "what-detectors-can-and-cannot-tell"],
    ),
    Cue(
        "context",
        "Context",
        "Ask who posted it, when and why. Does the story fit what trusted news sources say? Can "
        "you find an older original with a reverse image search?",
        "Many fakes are real pictures shown with a false story. No pixel is changed, so only "
        "the context gives them away.",
        "A new account or a surprising story can still be true; check before you decide.",
        ["how-to-check-a-suspicious-clip", "fake-news-and-propaganda"],
    ),
]

CUES: dict[str, Cue] = {cue.slug: cue for cue in _CUES}
CUE_CHOICES = [(cue.slug, cue.name) for cue in _CUES]


def cue_get(slug: str) -> Cue | None:
    return CUES.get(slug)
