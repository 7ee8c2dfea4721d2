"""Text of the starter quizzes: prompts and explanations written for 13–14-year-olds.

Pictures are built by `quiz.starter` from photos shipped inside scikit-image, changed in code
by `detector.analysis.manipulations`. `make` names the change: None (untouched), a generator
name, or "splice:<donor photo>". `label` adds a generator label to the file: "forged" puts one
on an untouched photo (the detector believes it and is wrong), "honest" on an edited one.
"""

OWN_TEXT = {"credit": "Unveiled team", "licence": "CC0"}

WHY_EDGES = (
    "Whenever two pictures are glued together, the border has to be blended so it does not "
    "show. Blending leaves a soft, slightly smeared band and a change in the grain of the photo."
)

QUIZZES = [
    {
        "slug": "real-or-fake-first-look",
        "title": "Real or fake? A first look",
        "level": "beginner",
        "estimated_minutes": 7,
        "machine_informed": False,
        "description": (
            "Ten pictures and two short videos. Some are untouched, some were changed with "
            "the same tricks people use to make fakes. Decide, and say how sure you are: being "
            "honest about your doubt counts as much as being right."
        ),
        "items": [
            {
                "key": "astronaut-real",
                "photo": "astronaut",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "An official portrait of an astronaut. Real or fake?",
                "cues": ["lighting", "context"],
                "explanation": (
                    "This one is **real**: it is NASA's official portrait of astronaut Eileen "
                    "Collins, and we did not change a pixel.\n\nThe light on her face, the flag "
                    "and the model shuttle all come from the same side, and the background is "
                    "blurred evenly, as a camera lens does. Official portraits are also easy to "
                    "check: the same picture is on NASA's own website. Checking the **source** "
                    "is often faster than hunting for flaws."
                ),
            },
            {
                "key": "coffee-removal",
                "photo": "coffee",
                "make": "object_removal",
                "seed": 11,
                "kind": "single",
                "truth": "fake",
                "prompt": "A cup of coffee on a wooden table. Real or fake?",
                "cues": ["background", "edges"],
                "explanation": (
                    "This one is **fake**. Something was erased (the marked area) and the gap "
                    "was filled in from its surroundings, like the *magic eraser* in many photo "
                    "apps.\n\nThe filled area is a little too smooth: the wood grain and the "
                    "pattern around it stop and smear. Erasers copy what is nearby, so look for "
                    "patches that look blurry or repeated compared with the rest of the photo."
                ),
            },
            {
                "key": "chelsea-real",
                "photo": "chelsea",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "Chelsea the cat. Real or fake?",
                "cues": ["hair", "eyes"],
                "explanation": (
                    "This one is **real**. Look at the fur: thousands of single hairs, sharp "
                    "where the camera focused and softer further away, all lit from the same "
                    "side. Both eyes show matching reflections.\n\nFur and hair are hard to fake "
                    "well, so a photo where every strand makes sense is a good sign. It is still "
                    "not proof: very good fakes exist. That is why you gave a confidence and not "
                    "just an answer."
                ),
            },
            {
                "key": "rocket-splice",
                "photo": "rocket",
                "make": "splice:hubble",
                "seed": 12,
                "kind": "single",
                "truth": "fake",
                "prompt": "A rocket on the launch pad. Real or fake?",
                "cues": ["edges", "lighting", "background"],
                "explanation": (
                    "This one is **fake**. A piece of a different photo (the Hubble telescope's "
                    "view of deep space) was pasted into the marked area.\n\n" + WHY_EDGES + " "
                    "The pasted part also has different light and colours from the launch pad "
                    "around it. When one part of a picture looks like it belongs to another "
                    "world, it often does."
                ),
            },
            {
                "key": "camera-real",
                "photo": "camera",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "A photographer with a camera, in black and white. Real or fake?",
                "cues": ["shadows", "context"],
                "explanation": (
                    "This one is **real**. Black and white does not mean old or fake: it was "
                    "simply taken that way. The shadows all fall the same way and the fine "
                    "texture of the grass is the same everywhere.\n\nMany people call a picture "
                    "fake just because it looks unusual. Strange is not the same as edited."
                ),
            },
            {
                "key": "chelsea-retouch",
                "photo": "chelsea",
                "make": "retouch",
                "seed": 13,
                "kind": "single",
                "truth": "fake",
                "prompt": "Chelsea the cat again, or is she? Real or fake?",
                "cues": ["skin", "hair"],
                "explanation": (
                    "This one is **fake**. The marked area was smoothed and its shape gently "
                    "pushed around, like the *beauty* and *liquify* filters that slim faces and "
                    "smooth skin.\n\nCompare the texture inside the marked area with the fur "
                    "around it: it is softer and the hairs bend a little. On people, the same "
                    "filter makes skin look like plastic. Filters like this are everywhere, so "
                    "many pictures you see online are a little bit fake."
                ),
            },
            {
                "key": "coins-copy-move",
                "photo": "coins",
                "make": "copy_move",
                "seed": 14,
                "kind": "single",
                "truth": "fake",
                "prompt": "Old Greek coins from Pompeii in a museum. Real or fake?",
                "cues": ["background", "edges"],
                "explanation": (
                    "This one is **fake**. A piece of the photo was copied and pasted somewhere "
                    "else in the same photo (marked), slightly turned and resized. This is "
                    "called **copy-move**.\n\nBecause the copy comes from the same photo, its "
                    "light and colour match, so it is hard to see. The giveaway is a "
                    "**repeat**: if two patches look exactly alike, one may be a copy. Detectors "
                    "look for these repeats automatically."
                ),
            },
            {
                "key": "rocket-real",
                "photo": "rocket",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "A rocket launch, photographed by SpaceX. Real or fake?",
                "cues": ["context", "provenance"],
                "explanation": (
                    "This one is **real**: SpaceX published it and released it to the public "
                    "domain. The smoke, the tower and the light fit together.\n\nIt may look "
                    "like a film scene, but a spectacular picture is not automatically fake. "
                    "When you are unsure, look for who published it first."
                ),
            },
            {
                "key": "astronaut-upsample",
                "photo": "astronaut",
                "make": "upsample",
                "seed": 15,
                "kind": "single",
                "truth": "fake",
                "prompt": "The astronaut portrait again. Real or fake?",
                "cues": ["edges", "skin"],
                "explanation": (
                    "This one is **fake**: the whole picture was rebuilt from a smaller copy "
                    "the way many image generators enlarge their pictures.\n\nZoom in on the "
                    "edges of the face and the flag: they have a faint checkerboard or blocky "
                    "pattern, and fine details look soft. That pattern comes from how neural "
                    "networks grow a small image into a big one. It is hard to see on a phone "
                    "screen, which is exactly why detectors measure it instead."
                ),
            },
            {
                "key": "coffee-real",
                "photo": "coffee",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "The coffee cup again. Real or fake this time?",
                "cues": ["background", "lighting"],
                "explanation": (
                    "This one is **real**, the untouched original. Compare it with the "
                    "earlier erased version in your head: here the wood grain runs smoothly "
                    "everywhere and the reflections on the cup match the window light.\n\n"
                    "Seeing the same scene twice is a useful trick: a **reverse image search** "
                    "often finds the original of a faked picture, and the difference shows "
                    "what was changed."
                ),
            },
            {
                "key": "rocket-video-real",
                "video": "rocket",
                "kind": "single",
                "truth": "real",
                "prompt": "A short video of a rocket on the launch pad. Real or fake?",
                "cues": ["lighting", "context"],
                "explanation": (
                    "This video is **real**: the camera slowly slides across the scene and "
                    "nothing in it was changed.\n\nIn a video, look at how things move. When "
                    "the camera moves, everything in the picture moves together, smoothly, and "
                    "the light stays the same from one moment to the next. Nothing jumps, "
                    "shimmers or changes shape. Play it again and watch one spot: it glides "
                    "along with the rest."
                ),
            },
            {
                "key": "chelsea-video-flicker",
                "video": "chelsea",
                "donor": "mirror",
                "seed": 3,
                "kind": "single",
                "truth": "fake",
                "prompt": "A short video of a cat. Real or fake?",
                "cues": ["edges", "eyes"],
                "explanation": (
                    "This video is **fake**. A mirrored copy of part of the cat's face was "
                    "pasted over the middle of it, on every frame separately, the way many "
                    "face-swap videos are made.\n\nPause it and play it again, and watch "
                    "the middle of the face around the eyes and the nose: the edge of the "
                    "pasted patch shimmers and jumps a little while the rest of the picture "
                    "glides smoothly, and an eye looks doubled. Editing a video frame by frame "
                    "makes small differences from one frame to the next, and our eyes are good "
                    "at noticing things that flicker. Slow down or pause when you can."
                ),
            },
        ],
    },
    {
        "slug": "spot-the-edit",
        "title": "Spot the edit",
        "level": "intermediate",
        "estimated_minutes": 8,
        "machine_informed": False,
        "description": (
            "Every picture here was changed. Find where: click the spot, or pick a square with "
            "the keyboard. In the pairs, one picture is the original and one was edited. "
            "Which is which?"
        ),
        "items": [
            {
                "key": "spot-coffee-splice",
                "photo": "coffee",
                "make": "splice:chelsea",
                "seed": 21,
                "kind": "spot",
                "prompt": "Part of this picture came from another photo. Where?",
                "cues": ["edges", "lighting"],
                "explanation": (
                    "A piece of a photo of a cat was pasted into the marked area. "
                    + WHY_EDGES
                    + "\n\nLook for the place where the texture suddenly changes (fur "
                    "instead of wood or porcelain) and the colours do not quite fit."
                ),
            },
            {
                "key": "spot-brick-removal",
                "photo": "brick",
                "make": "object_removal",
                "seed": 22,
                "kind": "spot",
                "prompt": "Something was erased from this brick wall. Where?",
                "cues": ["background"],
                "explanation": (
                    "The marked area was erased and painted over from its surroundings. A "
                    "brick wall is a hard place to hide an edit: the regular lines of mortar "
                    "suddenly blur or bend where the filling was invented.\n\nPatterns are your "
                    "friend: when a repeating pattern breaks, ask why."
                ),
            },
            {
                "key": "spot-gravel-copy",
                "photo": "gravel",
                "make": "copy_move",
                "seed": 23,
                "kind": "spot",
                "prompt": "A patch of this gravel was copied to another place. Where is the copy?",
                "cues": ["background"],
                "explanation": (
                    "The marked patch is a copy of another part of the same picture. In random "
                    "textures like gravel, the exact same group of stones appearing twice is a "
                    "strong sign of copy-move.\n\nThis one is really hard by eye. It is a good "
                    "example of something a detector does better than people: it compares every "
                    "patch with every other patch."
                ),
            },
            {
                "key": "spot-astronaut-retouch",
                "photo": "astronaut",
                "make": "retouch",
                "seed": 24,
                "kind": "spot",
                "prompt": "This portrait went through a beauty filter in one place. Where?",
                "cues": ["skin", "edges"],
                "explanation": (
                    "The marked area was smoothed and gently warped. Straight lines bend a "
                    "little there, and fine texture disappears.\n\nBeauty filters are the most "
                    "common edit of all. Most are harmless fun, but they change what people "
                    "think faces and bodies look like. Knowing they exist is part of seeing "
                    "pictures clearly."
                ),
            },
            {
                "key": "spot-rocket-removal",
                "photo": "rocket",
                "make": "object_removal",
                "seed": 25,
                "kind": "spot",
                "prompt": "Something was removed from this launch photo. Where?",
                "cues": ["background", "edges"],
                "explanation": (
                    "The marked area was erased and filled in. The filling is smoother than "
                    "the rest of the photo: smoke and metal have fine grain, the filled patch "
                    "does not.\n\nRemoving a person or an object from a news photo can change "
                    "its meaning completely, without any AI at all. Such simple edits are "
                    "called **cheap fakes**."
                ),
            },
            {
                "key": "spot-grass-splice",
                "photo": "grass",
                "make": "splice:gravel",
                "seed": 26,
                "kind": "spot",
                "prompt": "Part of this grass came from another photo. Where?",
                "cues": ["edges", "background"],
                "explanation": (
                    "A piece of a gravel photo was blended into the marked area. The texture "
                    "changes from blades of grass to stones and the border is soft.\n\n" + WHY_EDGES
                ),
            },
            {
                "key": "spot-clock-copy",
                "photo": "clock",
                "make": "copy_move",
                "seed": 27,
                "kind": "spot",
                "prompt": "A part of this blurry clock photo appears twice. Where is the copy?",
                "cues": ["background", "edges"],
                "explanation": (
                    "The marked patch was copied from elsewhere in the photo. The camera moved "
                    "while this picture was taken, so everything is blurred sideways; the copy "
                    "is turned slightly, so its blur points in a slightly different direction."
                    "\n\nBlur and grain that run the wrong way are a subtle but useful clue."
                ),
            },
            {
                "key": "spot-tissue-splice",
                "photo": "tissue",
                "make": "splice:retina",
                "seed": 28,
                "kind": "spot",
                "prompt": "This microscope picture was doctored. Where?",
                "cues": ["edges", "lighting"],
                "explanation": (
                    "A piece of a photo of a retina was blended into the marked area. "
                    "Faked science pictures are a real problem: researchers have been caught "
                    "copying and pasting parts of microscope images. Journals now use software "
                    "that looks for exactly these pasted and repeated areas."
                ),
            },
            {
                "key": "pair-chelsea-removal",
                "photo": "chelsea",
                "make": "object_removal",
                "seed": 31,
                "kind": "pair",
                "fake_side": "b",
                "prompt": "One of these two pictures was edited. Which one is fake?",
                "cues": ["background", "hair"],
                "explanation": (
                    "**Picture B** is fake: something was erased from the marked area and "
                    "filled in from around it. Put the two side by side and look for the spot "
                    "where the fur or the background is smoother in one than in the other.\n\n"
                    "Comparing with an original is the strongest check there is. That is why "
                    "finding the earliest version of a picture matters so much."
                ),
            },
            {
                "key": "pair-coins-splice",
                "photo": "coins",
                "make": "splice:brick",
                "seed": 32,
                "kind": "pair",
                "fake_side": "a",
                "prompt": "Which of these two museum photos is the fake?",
                "cues": ["edges", "background"],
                "explanation": (
                    "**Picture A** is fake: a piece of a brick wall was blended into the "
                    "marked area. The edge of the pasted part is soft, and the texture of the "
                    "bricks does not belong among the coins."
                ),
            },
            {
                "key": "pair-hubble-copy",
                "photo": "hubble",
                "make": "copy_move",
                "seed": 33,
                "kind": "pair",
                "fake_side": "b",
                "prompt": "Two views of deep space. Which one was edited?",
                "cues": ["background"],
                "explanation": (
                    "**Picture B** is fake: a group of galaxies was copied to another place in "
                    "the marked area. In a picture full of small, random dots, a copy is very "
                    "hard to see by eye. Did you find it? If not, you are in good company."
                ),
            },
            {
                "key": "pair-camera-retouch",
                "photo": "camera",
                "make": "retouch",
                "seed": 34,
                "kind": "pair",
                "fake_side": "a",
                "prompt": "Which of these two black-and-white photos went through a filter?",
                "cues": ["skin", "edges"],
                "explanation": (
                    "**Picture A** is fake: the marked area was smoothed and slightly warped. "
                    "Look at lines that should be straight, such as the tripod or the coat: in "
                    "the edited picture they bend a little."
                ),
            },
        ],
    },
    {
        "slug": "deepfake-myths-and-facts",
        "title": "Deepfake myths and facts",
        "level": "beginner",
        "estimated_minutes": 4,
        "machine_informed": False,
        "description": (
            "True or false? Eight statements about deepfakes and how to deal with them. Each "
            "answer links to the FAQ entry that explains more."
        ),
        "items": [
            {
                "key": "statement-needs-ai",
                "truth": "false",
                "prompt": "A fake picture or video always needs artificial intelligence.",
                "cues": ["context"],
                "explanation": (
                    "**False.** Many fakes need no AI at all: a real photo with a false "
                    "caption, a clip cut to change its meaning, or a video slowed down to make "
                    "someone seem drunk. These are called **cheap fakes**, and they fool people "
                    "just as well. [Read more](/learn/faq/#what-is-a-cheap-fake)."
                ),
            },
            {
                "key": "statement-learns-from-examples",
                "truth": "true",
                "prompt": "Deepfake software learns what a face looks like from many examples.",
                "cues": [],
                "explanation": (
                    "**True.** Instead of following rules written by a programmer, a neural "
                    "network is *trained* on many pictures or video frames of a face until it "
                    "can produce new ones. More examples usually mean a more convincing fake. "
                    "[Read more](/learn/faq/#how-are-deepfakes-made)."
                ),
            },
            {
                "key": "statement-detector-proof",
                "truth": "false",
                "prompt": "If a detector finds no signs of manipulation, the picture is real.",
                "cues": ["provenance"],
                "explanation": (
                    "**False.** A detector can only say it found *no signs*, which is not the "
                    "same as proof. New kinds of fakes can slip past it, and compression on "
                    "social media wipes out many traces. Use a detector as one clue among "
                    "several. [Read more](/learn/faq/#what-detectors-can-and-cannot-tell)."
                ),
            },
            {
                "key": "statement-no-metadata",
                "truth": "false",
                "prompt": "A picture without any metadata must be fake.",
                "cues": ["provenance"],
                "explanation": (
                    "**False.** Most social networks strip metadata from every upload to save "
                    "space and protect privacy, so missing metadata tells you almost nothing. "
                    "What does help is **Content Credentials**: a signed record of where a "
                    "picture came from. [Read more](/learn/faq/#what-are-content-credentials)."
                ),
            },
            {
                "key": "statement-voice-scams",
                "truth": "true",
                "prompt": (
                    "A few seconds of someone's voice can be enough to clone it for a scam call."
                ),
                "cues": ["audio-sync", "context"],
                "explanation": (
                    "**True.** Voice cloning tools need surprisingly little audio. Scammers use "
                    "them to pretend to be a relative in trouble. A good defence: agree on a "
                    "family code word, and call the person back on a number you already know. "
                    "[Read more](/learn/faq/#deepfake-scams)."
                ),
            },
            {
                "key": "statement-only-harm",
                "truth": "false",
                "prompt": "Deepfake technology is only ever used to hurt people.",
                "cues": [],
                "explanation": (
                    "**False.** The same technology dubs films into other languages, brings "
                    "back voices for people who lost theirs, protects the identity of "
                    "witnesses, and powers special effects. What matters is consent and "
                    "honesty: saying clearly that something was made with AI. "
                    "[Read more](/learn/faq/#good-uses-of-deepfakes)."
                ),
            },
            {
                "key": "statement-liars-dividend",
                "truth": "true",
                "prompt": "Because deepfakes exist, people can wave away real evidence as fake.",
                "cues": ["context"],
                "explanation": (
                    "**True.** This is called the **liar's dividend**: when anything could be "
                    "fake, someone caught on a real recording can simply claim it was made "
                    "with AI. Checking sources carefully protects real evidence too. "
                    "[Read more](/learn/faq/#what-is-the-liars-dividend)."
                ),
            },
            {
                "key": "statement-eyes-always",
                "truth": "false",
                "prompt": "You can always spot a deepfake if you look closely at the eyes.",
                "cues": ["eyes"],
                "explanation": (
                    "**False.** Odd eye reflections or strange blinking were good clues for "
                    "older fakes, but newer generators fix many of them. Visual clues help, but "
                    "no single clue is reliable: combine them with checking the source. "
                    "[Read more](/learn/faq/#can-you-spot-a-deepfake-by-eye)."
                ),
            },
        ],
    },
    {
        "slug": "would-you-trust-the-detector",
        "title": "Would you trust the detector?",
        "level": "advanced",
        "estimated_minutes": 6,
        "machine_informed": True,
        "description": (
            "After each first answer you see what our detector says, and you may change your "
            "mind. A published study with this setup found that a model's opinion helps people "
            "when the model is right, and pulls them the wrong way when it is wrong. Some "
            "answers here are traps for the detector. Will they be traps for you?"
        ),
        "items": [
            {
                "key": "trust-coins-forged-label",
                "photo": "coins",
                "make": None,
                "label": "forged",
                "kind": "single",
                "truth": "real",
                "prompt": "Museum coins. Real or fake?",
                "cues": ["provenance", "context"],
                "explanation": (
                    "This photo is **real**, and the detector was **wrong** about it. We "
                    "hid a label inside the file that claims it was made by an AI image "
                    "generator. The detector reads such labels and believed it.\n\nLabels and "
                    "metadata are easy to add and easy to remove. Only a *signed* record from "
                    "a trusted source, such as Content Credentials, really tells you where a "
                    "picture comes from. If you changed your answer because of the detector, "
                    "you have just met the trap the study warned about."
                ),
            },
            {
                "key": "trust-rocket-honest-label",
                "photo": "rocket",
                "make": "object_removal",
                "seed": 41,
                "label": "honest",
                "kind": "single",
                "truth": "fake",
                "prompt": "A rocket launch. Real or fake?",
                "cues": ["provenance", "background"],
                "explanation": (
                    "This picture is **fake**, and here the detector was **right**: the "
                    "file carried the settings of the AI tool used to edit it, and the "
                    "detector quoted them. Something was erased in the marked area.\n\nHonest "
                    "tools label what they make. That label is the strongest clue there is, "
                    "when it is there. Most fakes you meet online will have had it removed."
                ),
            },
            {
                "key": "trust-grass-splice",
                "photo": "grass",
                "make": "splice:chelsea",
                "seed": 42,
                "kind": "single",
                "truth": "fake",
                "prompt": "A close-up of grass. Real or fake?",
                "cues": ["edges", "background"],
                "explanation": (
                    "This picture is **fake**: a piece of a cat photo was blended into the "
                    "marked area. It carries no label, so the detector had to rely on the "
                    "pixels alone, which is much harder. Look at the box above to see whether "
                    "it managed this time.\n\nWhen a detector says *we can't tell*, that is an "
                    "honest answer, not a sign that the picture is real."
                ),
            },
            {
                "key": "trust-coffee-forged-label",
                "photo": "coffee",
                "make": None,
                "label": "forged",
                "kind": "single",
                "truth": "real",
                "prompt": "A cup of coffee. Real or fake?",
                "cues": ["provenance"],
                "explanation": (
                    "This photo is **real**, and the detector was **wrong** again, for the "
                    "same reason: someone slipped a fake *made with AI* label into the file. "
                    "The photographer released this picture freely; nothing in it was changed."
                    "\n\nA label can be a lie in both directions: a fake can have its label "
                    "removed, and a real photo can be given a false one, for example to make "
                    "people doubt real evidence."
                ),
            },
            {
                "key": "trust-chelsea-real",
                "photo": "chelsea",
                "make": None,
                "kind": "single",
                "truth": "real",
                "prompt": "Chelsea the cat. Real or fake?",
                "cues": ["hair"],
                "explanation": (
                    "This photo is **real**. It has no label of any kind, so the detector "
                    "judged it from the pixels alone. Did it say *no signs found* or *we can't "
                    "tell*? Either way, notice that neither is a promise that a picture is "
                    "real."
                ),
            },
            {
                "key": "trust-brick-honest-label",
                "photo": "brick",
                "make": "copy_move",
                "seed": 43,
                "label": "honest",
                "kind": "single",
                "truth": "fake",
                "prompt": "A brick wall. Real or fake?",
                "cues": ["background", "provenance"],
                "explanation": (
                    "This picture is **fake**: a patch of bricks was copied to the marked "
                    "area, and the file honestly says it was edited with an AI tool, so the "
                    "detector was **right**.\n\nSo far the detector has been right every time "
                    "a label was honest and wrong every time it was forged. A detector that "
                    "reads labels is only as trustworthy as the labels."
                ),
            },
        ],
    },
]
