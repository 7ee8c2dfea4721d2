"""Starter content for the learning pages: FAQ entries and glossary terms.

Plain data, written for Unveiled. Answers and definitions are Markdown; internal links are
relative (`/learn/faq/#<slug>`, `/learn/glossary/#<slug>`, `/analyze/`, `/quizzes/`).
FAQ categories: basics, ai, uses, risks, responsible, tool, privacy.
"""

FAQ = [
    {
        "slug": "what-is-a-deepfake",
        "category": "basics",
        "order": 10,
        "question": "What is a deepfake?",
        "answer": """A deepfake is a picture, video or sound recording that a computer program
has made or changed so that it shows something that never happened. It might show a real person
saying words they never said, or a face that belongs to nobody at all.

The word joins "deep learning", a kind of [artificial
intelligence](/learn/glossary/#artificial-intelligence), with "fake". Today people use it
loosely for most [synthetic media](/learn/glossary/#synthetic-media): anything created or
heavily changed by AI rather than recorded by a camera or a microphone.

Deepfakes are not automatically bad. The same tools add effects to films, dub shows into other
languages and help people who have lost their voice. What matters is how they are used:

- Is it clear to viewers that the media is AI-made?
- Did the people shown agree to it?
- Is it meant to inform, to entertain or to trick?

A little more precisely: a deepfake is produced by a [neural
network](/learn/glossary/#neural-network) that has learned patterns from many real examples
(faces, voices, movements) and then uses those patterns to generate new material. That is
different from a classic photo edit, where a person changes pixels by hand. Both can mislead,
though: see [What is a cheap fake?](/learn/faq/#what-is-a-cheap-fake)

Want to practise telling real from fake? Try our [quizzes](/quizzes/).""",
    },
    {
        "slug": "how-are-deepfakes-made",
        "category": "basics",
        "order": 20,
        "question": "How is a deepfake made?",
        "answer": """Most face-swap deepfakes are made by teaching a computer what one person's
face looks like, then asking it to draw that face onto someone else in a video, one frame at a
time.

The usual recipe has four steps:

1. **Collect examples.** The maker gathers hundreds or thousands of photos or video frames of
   the face to copy. Interviews and social media posts are common sources.
2. **Train the model.** A [neural network](/learn/glossary/#neural-network) studies those
   examples over and over. This is called [training](/learn/glossary/#training). It is a form of
   [machine learning](/learn/glossary/#machine-learning): nobody writes rules such as "eyebrows
   go here"; the program works out the patterns from the examples.
3. **Generate new frames.** The trained network draws the face again with the expressions,
   angles and lighting of a second person in a target video.
4. **Blend and tidy up.** The new face is placed onto each frame, the edges are softened and the
   colours matched so the join is hard to see.

Under the hood, many classic tools use an *autoencoder*. A shared encoder learns to squeeze any
face into a short description of pose and expression, and a separate decoder for each person
turns that description back into a face. Swap the decoders and person B's expression comes out
wearing person A's face. This counts as [deep learning](/learn/glossary/#deep-learning) because
the network has many layers, each learning slightly more abstract features than the one before.

Face swaps are only one family of deepfakes. See [What other kinds of deepfakes are
there?](/learn/faq/#kinds-of-deepfakes)""",
    },
    {
        "slug": "kinds-of-deepfakes",
        "category": "basics",
        "order": 30,
        "question": "What other kinds of deepfakes are there?",
        "answer": """Swapping faces is just one trick. AI can also invent whole pictures, copy
voices and make a real face move in new ways.

- **Fully generated images.** A [GAN](/learn/glossary/#gan) or a [diffusion
  model](/learn/glossary/#diffusion-model) creates a picture from scratch, often from a short
  text description. The person or place shown may not exist.
- **Voice cloning.** A few minutes, sometimes just seconds, of someone's speech can be enough to
  build a synthetic voice that reads any text. See [voice
  cloning](/learn/glossary/#voice-cloning).
- **Lip-sync.** The mouth in a real video is changed to match new audio, so the person seems to
  say different words. See [lip-sync](/learn/glossary/#lip-sync).
- **Face re-enactment.** One person's head movements and expressions steer another person's
  face, like a puppet. See [face re-enactment](/learn/glossary/#face-reenactment).
- **Cheap fakes.** Simple edits with no AI at all: slowing a clip down, cutting out context or
  giving an old photo a new caption. See [What is a cheap
  fake?](/learn/faq/#what-is-a-cheap-fake)

These methods are often combined. A cloned voice plus lip-sync, for instance, makes a convincing
fake speech.

For the curious: a GAN trains two networks against each other, one producing images and one
judging them, until the judge can no longer tell the difference. A diffusion model learns to
remove noise from images step by step; starting from pure noise, it "cleans" its way towards a
brand-new picture that matches the text prompt. Each family leaves different traces, which is
why a [detector](/learn/glossary/#detector) that is good at spotting one kind may miss another.""",
    },
    {
        "slug": "what-is-a-cheap-fake",
        "category": "basics",
        "order": 40,
        "question": "What is a cheap fake?",
        "answer": """A cheap fake is misleading media made with simple tools and no artificial
intelligence. It can fool people just as well as a deepfake, and it is far more common.

Typical examples:

- a real photo shared with a false caption, date or place;
- a video clip cut so that an important part of the conversation is missing;
- a recording slowed down to make someone sound tired or confused;
- a picture cropped to hide who else was there;
- a quick edit in a photo app that removes or adds an object.

Because the pixels are often untouched, examining the picture itself may reveal nothing. The lie
is in the **context**. The best defence is to ask where the media came from and what happened
around it. A [reverse image search](/learn/glossary/#reverse-image-search) often turns up the
original photo with its real date and story.

In more detail: cheap fakes are sometimes called "shallow fakes". Some of them do leave
measurable traces; an object pasted into a photo may stand out in [error level
analysis](/learn/glossary/#error-level-analysis) or [copy-move
detection](/learn/glossary/#copy-move-detection). But a real photo with a new caption is a
genuine, unedited file. No pixel-level check can catch that, including the ones in our [analysis
tool](/analyze/). Checking the source is the right tool for the job: see [How can I check a
suspicious picture or video?](/learn/faq/#how-to-check-a-suspicious-clip)""",
    },
    {
        "slug": "what-does-the-ai-learn",
        "category": "ai",
        "order": 10,
        "question": "What does the AI actually learn?",
        "answer": """The AI behind a deepfake does not understand faces the way you do. It
learns patterns: which shapes, colours and textures tend to appear together in the examples it
was shown.

Think of learning to draw a friend by copying hundreds of photos of them. After enough practice
you know how their smile changes their cheeks, without anyone giving you a rule. A [neural
network](/learn/glossary/#neural-network) does something similar, only with numbers.

**Why more data makes it better.** Each example teaches the network a little more: a new angle,
a different light, another expression. With only a few photos it has to guess, and the results
look blurry or wrong. With thousands covering many situations, its guesses become sharp and
natural. That is one reason why public figures, with hours of footage online, are easier to
fake.

**What is really happening.** A network is a huge set of adjustable numbers called weights.
During [training](/learn/glossary/#training) it makes a prediction, measures how far it was from
the real example (the "loss"), and nudges every weight slightly to do better next time. Repeated
millions of times over a [dataset](/learn/glossary/#dataset), this turns random numbers into a
model of how faces, or voices, look and sound.

A network can only reproduce what its data taught it. Things it rarely saw, such as side views,
hands, glasses or unusual lighting, are where mistakes tend to appear.""",
    },
    {
        "slug": "why-deepfakes-look-real",
        "category": "ai",
        "order": 20,
        "question": "Why can deepfakes look so seamless?",
        "answer": """Good deepfakes look smooth because the AI was trained to produce images
that are hard to tell apart from real ones. That is exactly what it is scored on.

Several things work together:

- **Learning from real examples.** The generator copies the fine details of real skin, light and
  shadow, not a simplified drawing.
- **A built-in critic.** In a [GAN](/learn/glossary/#gan), a second network judges every image
  and points out what looks fake, so the generator keeps fixing its weak spots.
- **Careful blending.** Colour matching and soft edges hide the seam where a swapped face meets
  the rest of the picture.
- **Small screens and compression.** On a phone, after a platform has squeezed the file, tiny
  flaws simply disappear.

So "it looks real" is not strong evidence. [Realism](/learn/glossary/#realism) is what these
tools are built for.

Still, seamless does not mean perfect. Generators are weakest where their training data was thin
or where physics has to stay consistent: reflections in both eyes, shadows that match the light,
teeth, ears, hands, writing in the background and the way a face moves from one video frame to
the next. Quick or older fakes may flicker around the edge of the face, or the mouth may lag
behind the sound. Newer models fix many of these clues, which is why checking the source matters
more than hunting for glitches. See [Can you spot a deepfake just by
looking?](/learn/faq/#can-you-spot-a-deepfake-by-eye)""",
    },
    {
        "slug": "detection-arms-race",
        "category": "ai",
        "order": 30,
        "question": 'Why do people call deepfake detection an "arms race"?',
        "answer": """Every time someone builds a better way to spot fakes, the makers of fakes
can learn from it and improve. Then the detectors have to catch up again. That back-and-forth is
what people mean by an arms race.

It keeps going for a few reasons:

- A [detector](/learn/glossary/#detector) is itself a machine-learning model. It learns the
  traces that today's generators leave behind.
- A new generator may leave different traces, and an older detector can miss them.
- Some people deliberately tune their fakes against a known detector until it is fooled.

This does not make detection useless. It means no single check is enough and any tool can go out
of date. Good practice is to combine several independent signals and to check the source and
context as well.

In technical terms, detectors often do well on fakes from the generators in their training data
and much worse on unseen ones; this weakness is called poor *generalisation*. Honest tools
therefore report error rates measured on data the detector was not trained on, and answer
"inconclusive" when a file falls outside what they were tested on. There is also a second
approach that does not depend on winning the race: [provenance](/learn/glossary/#provenance).
Instead of hunting for flaws, cameras and AI tools attach signed [Content
Credentials](/learn/glossary/#content-credentials) or [watermarks](/learn/glossary/#watermark)
that state how a file was made. See [How does the analysis tool
work?](/learn/faq/#how-does-the-analysis-tool-work)""",
    },
    {
        "slug": "good-uses-of-deepfakes",
        "category": "uses",
        "order": 10,
        "question": "Can deepfakes be used for good?",
        "answer": """Yes. The same technology that can trick people also improves films, games
and lessons, and helps people communicate. The difference lies in honesty and permission.

Some positive uses:

- **Film and special effects.** Studios make actors look younger, finish scenes when an actor
  cannot be there (with permission), or create dangerous stunts safely.
- **Games and digital avatars.** Players and streamers can appear as a realistic or cartoon
  character that follows their own facial expressions.
- **Dubbing.** Lip-sync tools adjust an actor's mouth to match a translated soundtrack, so a
  film feels natural in many languages.
- **Accessibility.** People who are losing their voice through illness can record it early and
  later speak with a copy of their own voice.
- **Education.** A history lesson can bring a portrait to life, and media-literacy classes use
  deepfakes to show how manipulation works.

What makes these uses acceptable? Usually three things: the people shown have given their
[consent](/learn/glossary/#consent), the audience knows or is told that the media is synthetic,
and nobody is harmed.

In practice, professional productions handle this with contracts that spell out how a
performer's face and voice may be used, and more and more often with labels or [Content
Credentials](/learn/glossary/#content-credentials) on the finished work. For more examples, see
[What about satire, art and privacy protection?](/learn/faq/#satire-art-and-privacy)""",
    },
    {
        "slug": "satire-art-and-privacy",
        "category": "uses",
        "order": 20,
        "question": "What about satire, art and privacy protection?",
        "answer": """Deepfakes can also be a form of creative expression, and even a way to
protect people, as long as the audience is not fooled.

**Satire and comedy.** Making fun of powerful people is an old tradition. A clearly labelled
parody video can make a serious point. It becomes a problem when the label is missing and
viewers believe it is real, or when the joke is cruel to someone who cannot answer back.

**Art.** Artists use generated images and voices to ask questions about memory, identity and
truth. Museums have shown installations in which a long-dead painter seems to talk to visitors,
with a clear explanation of how it was done.

**Privacy protection.** A documentary can give people who would be in danger if recognised, such
as witnesses or activists, a synthetic face. Their expressions and emotions stay visible while
their identity stays hidden, a gentler alternative to blurring.

A simple test for all of these: would the viewers, or the people shown, feel tricked if they
found out how it was made? If so, something is missing, usually a label or
[consent](/learn/glossary/#consent).

Rules differ between countries. In several places, laws and platform policies now require
AI-generated or altered media to be labelled, especially in political advertising. Putting the
disclosure into the file itself, through [metadata](/learn/glossary/#metadata) or [Content
Credentials](/learn/glossary/#content-credentials), helps the label stay attached when the file
is shared.""",
    },
    {
        "slug": "fake-news-and-propaganda",
        "category": "risks",
        "order": 10,
        "question": "How can deepfakes spread fake news and propaganda?",
        "answer": """A fake video or audio clip can spread a false story very quickly, because
people tend to believe what they see and hear. Someone might fake a politician's speech, a
disaster or a celebrity's message.

Common patterns:

- **Hoaxes** that go viral for attention or clicks, such as a fake photo of a famous building on
  fire.
- **Political manipulation**, for example a fake recording released just before an election,
  when there is little time to correct it.
- **Propaganda** that makes one side look heroic and the other look cruel.

You can help slow this down. Before you share:

1. Notice your feelings. Content designed to make you angry or scared is often designed to
   spread.
2. Check who posted it first, and whether trusted news outlets report the same thing.
3. Look for the original with a [reverse image search](/learn/glossary/#reverse-image-search).
4. If you are not sure, don't share. Waiting costs nothing.

Studies of social networks have found that false stories can travel faster and further than the
corrections that follow them, so the first hours matter. Many fakes that caused real trouble
were not even very good; they worked because they fitted what people already expected. That is
why [disinformation](/learn/glossary/#disinformation) campaigns often mix a fake with real
material, and why checking the context beats staring at pixels. Step by step: [How can I check a
suspicious picture or video?](/learn/faq/#how-to-check-a-suspicious-clip)""",
    },
    {
        "slug": "deepfake-scams",
        "category": "risks",
        "order": 20,
        "question": "How do scammers use deepfakes?",
        "answer": """Scammers can copy a voice or a face to pretend to be someone you trust,
such as a relative, a teacher or a boss, and then ask for money, passwords or secrets.

Cases reported in the news include:

- a phone call in the cloned voice of a family member who says they are in trouble and need
  money right now;
- a video call in which a "manager" asks an employee to transfer money urgently;
- fake celebrity videos promoting investments or giveaways.

The trick usually relies on **pressure**: it is urgent, it is secret, and there is no time to
think. A few habits beat it:

- **Hang up and call back** on a number you already know.
- **Agree on a family code word** that a scammer could not know.
- **Ask a personal question** that only the real person could answer.
- **Never send money, codes or passwords** because of a call or message alone, however real it
  sounds.

A bit more detail: [voice cloning](/learn/glossary/#voice-cloning) can now work from a short
sample taken from a public video or a voicemail greeting. Live face swaps during video calls are
harder but possible, and tend to look best at low resolution with little head movement. Asking
the caller to turn their head sideways or pass a hand in front of their face sometimes reveals
glitches, but the safer check is always a second, independent channel. Banks and companies
increasingly use call-back rules for exactly this reason.""",
    },
    {
        "slug": "deepfakes-of-me-or-friends",
        "category": "risks",
        "order": 30,
        "question": "What if someone makes a deepfake of me or a friend?",
        "answer": """Some people use deepfakes to embarrass, bully or hurt others, for example
by putting someone's face into a fake nude picture or a humiliating video. This is never the
fault of the person shown, and there are things you can do.

If it happens to you or someone you know:

- **Tell a trusted adult**, such as a parent, a teacher or the school counsellor. You do not
  have to deal with it alone.
- **Do not share it further**, not even to ask "is this fake?". Every share spreads the harm.
- **Keep evidence**: the link, the account name, the date and where it was posted.
- **Report it** to the platform. Most have rules against fake intimate or bullying images and
  will remove them.
- **Get help**: in many countries this is a crime, and the police or a helpline can act.

Supporting a friend matters too: believe them, don't laugh along, and help them report it.

Background: fake intimate images made without consent are the most common harmful use of
deepfakes, and most of the people targeted are women and girls. Many countries have made
creating or sharing such images illegal, including when they are fake, and especially when the
person shown is under 18. Some platforms and helplines can compute a digital fingerprint (a
"hash") of an image so that copies can be blocked automatically, without the picture itself
being passed around. Being careful about who can see your photos helps, but the person who makes
the fake is always the one doing wrong.""",
    },
    {
        "slug": "what-is-the-liars-dividend",
        "category": "risks",
        "order": 40,
        "question": 'What is the "liar\'s dividend"?',
        "answer": """The liar's dividend is a side effect of deepfakes. Once everyone knows
fakes exist, a person caught on a real recording can simply say "that's a deepfake", and some
people will believe them.

So deepfakes cause harm in two directions: fake things can be believed, and real things can be
doubted. If we end up distrusting everything, real evidence of wrongdoing loses its power, and
that helps the people who did wrong.

What you can do:

- **Don't jump to "it's fake" either.** Doubt is a reason to check, not a conclusion.
- **Look for independent confirmation**: other witnesses, other cameras, reports from reliable
  news organisations.
- **Ask who benefits** from you believing, or disbelieving, a clip.
- **Value provenance.** Recordings with verified [Content
  Credentials](/learn/glossary/#content-credentials) from the capture device are much harder to
  wave away.

The term comes from legal scholars writing about deepfakes around 2018. It applies to detection
tools as well: a detector that finds no signs of manipulation cannot prove a clip is real, and
one that finds strong signs cannot prove it is fake. That is why our [analysis tool](/analyze/)
reports probabilities and never claims certainty; see [What do the results
mean?](/learn/faq/#what-do-the-results-mean) Balanced judgement, neither believing everything
nor dismissing everything, is the real skill. See also [liar's
dividend](/learn/glossary/#liars-dividend) in the glossary.""",
    },
    {
        "slug": "using-ai-tools-responsibly",
        "category": "responsible",
        "order": 10,
        "question": "How can I use AI image and voice tools responsibly?",
        "answer": """Making AI pictures, voices or videos can be fun and creative. A few simple
rules keep it fair for everyone.

- **Always say it is AI-made.** Add a clear label in the caption or on the image, and keep any
  label the tool adds.
- **Get permission.** Only use a real person's face or voice if they have agreed. A "yes" for a
  joke among friends is not a "yes" for posting it publicly.
- **Never use it to deceive or hurt.** No fake evidence, no pranks that embarrass someone, no
  pretending to be someone else.
- **Think before you post.** Once something is online, you lose control over where it goes and
  how it gets cut or recaptioned.
- **Follow the rules** of your school, the app and your country.

A quick check before sharing: would the person shown be happy to see it? Would a viewer feel
tricked on learning how it was made? If either answer worries you, change it or keep it private.

More detail: many generators add [metadata](/learn/glossary/#metadata), invisible
[watermarks](/learn/glossary/#watermark) or [Content
Credentials](/learn/glossary/#content-credentials) that mark a file as AI-made. Deliberately
removing them, for example by taking a screenshot to hide where an image came from, throws away
the disclosure that keeps others informed. Some laws and platform rules now require labels on
realistic AI media, and using someone's likeness without consent can break privacy or
image-rights laws. Underneath the rules is a question of [ethics](/learn/glossary/#ethics):
nobody should be misled or harmed by what you make.""",
    },
    {
        "slug": "how-to-check-a-suspicious-clip",
        "category": "responsible",
        "order": 20,
        "question": "How can I check a suspicious picture or video?",
        "answer": """When a picture or clip seems too good, too shocking or too strange to be
true, pause before you believe it or share it. Then run a few quick checks; most take less than
a minute.

1. **Notice your reaction.** A strong emotion is a signal to slow down.
2. **Check the source.** Who posted it first? Is it an account with a long history, or a
   brand-new one? Could they really have filmed it?
3. **Check the context.** Do the place, the weather, the clothes, the date and other news fit
   the story?
4. **Find the original.** A [reverse image search](/learn/glossary/#reverse-image-search) on the
   picture, or on a still from the video, can reveal older copies, the first caption or the real
   story.
5. **Look for provenance.** Some files carry [Content
   Credentials](/learn/glossary/#content-credentials) that say how they were made. See [What are
   Content Credentials and how do they help?](/learn/faq/#what-are-content-credentials)
6. **See who else reports it.** Reliable news organisations and fact-checkers often cover viral
   clips quickly.
7. **Use a detector as one clue**, for example our [analysis tool](/analyze/), knowing its
   limits.

If you still can't tell, that is a perfectly good answer. Just don't pass it on as true.

Why this order? Professional fact-checkers use a method called "lateral reading": instead of
studying the clip itself for a long time, they leave it and look at what other sources say about
it. Source and context checks work against deepfakes and [cheap
fakes](/learn/glossary/#cheap-fake) alike, while visual clues and detectors only help against
some kinds of manipulation.""",
    },
    {
        "slug": "what-are-content-credentials",
        "category": "responsible",
        "order": 30,
        "question": "What are Content Credentials and how do they help?",
        "answer": """Content Credentials are like a digital label that travels inside a photo or
video. They can say which camera or app made it, whether AI was used, and what edits were made
afterwards.

They help because they answer the question "where does this come from?" instead of guessing from
the pixels. If a news photo carries credentials from the photographer's camera, you can see that
it was captured rather than generated. If an AI tool adds credentials to its images, the label
says so.

Worth knowing:

- **Missing credentials prove nothing.** Most files online still have none, and many websites
  strip them when you upload.
- **A signature can be checked.** Changing a signed file without re-signing it breaks the
  signature, so you can tell something happened to it.
- **Look for the icon.** Some sites and apps show a small "CR" symbol that you can click to see
  the file's history.

For the technically curious: Content Credentials follow an open standard published by the C2PA
(Coalition for Content Provenance and Authenticity). A *manifest* stored in the file lists
*assertions*, such as the capture device, the editing actions or a digital source type of
`trainedAlgorithmicMedia` for AI output, and the whole manifest is signed with a certificate,
much like a secure website. A viewer checks the signature and whether the signer is trusted.
Credentials describe a file's history; they do not judge whether what it shows is true. See
[provenance](/learn/glossary/#provenance) and [Content Credentials
(C2PA)](/learn/glossary/#content-credentials) in the glossary.""",
    },
    {
        "slug": "can-you-spot-a-deepfake-by-eye",
        "category": "responsible",
        "order": 40,
        "question": "Can you spot a deepfake just by looking?",
        "answer": """Sometimes, but not reliably. Some fakes have visible mistakes, the best
ones look completely natural, and real photos can look odd too. Treat visual clues as hints,
never as proof.

Places worth a closer look:

- **Eyes and teeth**: different reflections in each eye, blurry or oddly shaped teeth.
- **Edges**: a smeared or flickering outline where the face meets the hair, ears or neck.
- **Skin and light**: skin that is too smooth, shadows that fall the wrong way.
- **Hands and text**: extra or merged fingers, signs with letters that make no sense.
- **Sound and movement**: lips out of step with the voice, a stiff head, unusual blinking.
- **Background**: bent lines, objects that melt into each other.

Our [quizzes](/quizzes/) let you practise and show how sure you felt compared with how often you
were right.

The research is humbling but useful: in several studies, people did little better than chance at
spotting high-quality fakes, while feeling quite sure of themselves. Newer generators have fixed
many classic clues; strange blinking, for example, gave away early face swaps but rarely does
now. So a clue you notice should send you off to check the source and context, not settle the
question. Good habits beat sharp eyes. See [How can I check a suspicious picture or
video?](/learn/faq/#how-to-check-a-suspicious-clip)""",
    },
    {
        "slug": "what-detectors-can-and-cannot-tell",
        "category": "responsible",
        "order": 50,
        "question": "What can deepfake detectors tell me, and what can't they?",
        "answer": """A deepfake detector is a program that looks for clues of editing or AI
generation in a file. It can be a useful second opinion, but it cannot tell you for certain
whether something is real or fake.

**A detector can:**

- find labels inside a file that say an AI tool made it;
- spot statistical traces that some editing or generation methods leave;
- point to areas of a picture that don't fit with the rest;
- give a probability, with known error rates.

**A detector cannot:**

- prove that a picture is real, because good fakes can pass every test;
- judge a real photo used with a false caption (a [cheap fake](/learn/glossary/#cheap-fake));
- work well on screenshots or on files squeezed by social media;
- keep up by itself with brand-new generators.

So treat a detector like a smoke alarm, not a judge. It can make you look more carefully; the
decision still comes from checking the source and context.

In technical terms, every detector makes two kinds of mistake: [false
positives](/learn/glossary/#false-positive), where a real file is flagged, and [false
negatives](/learn/glossary/#false-negative), where a fake slips through. Reducing one usually
increases the other. A trustworthy tool publishes its error rates, measured on files it was not
trained on, and says "we can't tell" when the evidence is weak. Read how ours does this in [How
does the analysis tool work?](/learn/faq/#how-does-the-analysis-tool-work) and [Why is the
answer so often "We can't tell"?](/learn/faq/#why-is-the-result-often-inconclusive)""",
    },
    {
        "slug": "how-does-the-analysis-tool-work",
        "category": "tool",
        "order": 10,
        "question": "How does the analysis tool work?",
        "answer": """When you upload a picture or video to our [analysis tool](/analyze/), it
runs several separate checks, each looking for a different kind of clue. It then combines them
into one result and explains it: in plain words first, with expert details one click away.

**Labels the file carries about itself ([provenance](/learn/glossary/#provenance)):**

- **Metadata**: settings that AI generators write into files, and the IPTC "digital source type"
  field, which can mark an image as AI-made.
- **Content Credentials (C2PA)**: signed records of how the file was made and edited.
- **Invisible watermarks** that some AI generators hide in their images.

**Traces in the pixels:**

- **Compression history**: signs that a file was saved several times, or pieced together from
  parts saved differently.
- **Error level analysis**: areas that react differently when the image is saved again.
- **Noise consistency**: whether the fine grain of the image is the same everywhere, as it
  should be in a single shot.
- **Copy-move detection**: parts copied from one place in the image to another.
- **Frequency spectrum**: regular patterns that some generators leave, invisible to the eye.
- **Faces and a face-swap model**: finding faces, then a neural network trained to recognise
  swapped ones.

The signals are independent: each can fail on its own, so several agreeing counts for more than
any single one. A label saying the file was made with AI decides the result by itself; the pixel
checks are combined into a probability only when they actually apply to the file. Every check
reports what it measured and its known limits. Next: [What do the results
mean?](/learn/faq/#what-do-the-results-mean)""",
    },
    {
        "slug": "what-do-the-results-mean",
        "category": "tool",
        "order": 20,
        "question": "What do the results mean?",
        "answer": """Our tool gives one of five results. Each is a careful summary of the
evidence, not a final judgement.

- **"This file says it was made with AI"**: information inside the file (generator settings, a
  digital source type label, a generator watermark or Content Credentials) states that an AI
  tool made or changed it. We quote that information. Such labels can be copied or faked, but
  they are rarely added by accident.
- **"Strong signs of manipulation"**: several checks found patterns that edited or generated
  images usually leave, strongly enough to pass a high bar. It is still a probability, since
  real photos sometimes set off these checks.
- **"We can't tell"**: the evidence does not point clearly either way, or the file is outside
  what our checks can judge. This is the most common result, and an honest one.
- **"No signs of manipulation found — that is not proof it is real"**: the relevant checks ran
  and found nothing suspicious. Good fakes can pass every check, so the second half of the
  sentence matters.
- **"Signed by the capture device"**: the file carries a valid digital signature from a camera
  or service we trust, saying it was captured and not edited afterwards.

Whatever the result, keep checking the source and context.

Behind the scenes: the bar for "strong signs" is set so that only a small share of real test
images (at most about 5 %) reach it, and "no signs" needs both a low probability and checks that
actually covered the file. A capture signature shows where a file came from; it cannot show that
the scene in front of the camera was genuine. See [What does the score mean, and why isn't it
proof?](/learn/faq/#what-does-the-score-mean)""",
    },
    {
        "slug": "why-is-the-result-often-inconclusive",
        "category": "tool",
        "order": 30,
        "question": 'Why is the answer so often "We can\'t tell"?',
        "answer": """Because often, honestly, nobody can tell from the file alone. Our tool says
"We can't tell" whenever the clues are too weak or missing, instead of pretending to know.

Common reasons:

- **Screenshots and re-uploads.** A screenshot or a post on social media saves the picture
  again, usually smaller and more heavily [compressed](/learn/glossary/#compression). That wipes
  out labels, [metadata](/learn/glossary/#metadata) and the fine traces the pixel checks need.
- **No face.** The face-swap model only judges faces; a landscape or an object gives it nothing
  to work with.
- **Too small or too blurry.** Tiny images simply do not contain enough detail.
- **Artwork and cartoons.** Drawings, graphics and heavy filters are not what the checks were
  built for.
- **No labels.** Most real photos carry no proof of where they came from, and most fakes carry
  no confession.

An inconclusive result is not a failure. It tells you to rely on other checks: the source, the
context and the original file. If you can, upload the original rather than a screenshot.

Technically, a confident answer needs evidence that clearly separates real from fake files of
this kind. When the analyzers do not cover the file, or the combined probability falls between
the low and the high threshold, any stronger claim would carry an error rate we could not stand
behind. Answering "We can't tell" keeps [false positives](/learn/glossary/#false-positive),
where a real photo is wrongly accused, rare. That matters when someone's reputation is at stake.""",
    },
    {
        "slug": "what-does-the-score-mean",
        "category": "tool",
        "order": 40,
        "question": "What does the score mean, and why isn't it proof?",
        "answer": """Next to some results you will see a percentage. It is our best estimate of
how likely it is that the file was manipulated, based on the checks that ran. It is not a mark
out of 100, and it is not proof.

Think of a weather forecast. "70 % chance of rain" does not mean it will rain; it means that on
days that looked like this one, it rained about seven times out of ten. Our score works in a
similar way: among test files that looked like yours to our checks, roughly that share were
fakes.

Keep in mind:

- A high score can be wrong, because some real photos look suspicious to the checks.
- A low score can be wrong, because some fakes leave no trace.
- The score only covers what the checks measure, not the caption or the story around the file.

For experts: each analyzer's output is calibrated into a
[probability](/learn/glossary/#probability), and the combined value comes with error rates,
meaning [false positive](/learn/glossary/#false-positive) and [false
negative](/learn/glossary/#false-negative) rates, measured on test data the detector was never
trained on. Those figures are a guide, not a guarantee: files from new generators or platforms
unlike the test data can behave differently. Each check's card lists its own reliability and
where that figure comes from. This is also why our results speak of "signs" and "no signs found"
rather than "real" and "fake", and why our [confidence](/learn/glossary/#confidence) is never
presented as certainty.""",
    },
    {
        "slug": "what-happens-to-my-upload",
        "category": "privacy",
        "order": 10,
        "question": "What happens to the files I upload?",
        "answer": """Your file is used only to run the analysis, and then it is deleted
automatically. You do not need an account, and we do not track you.

Step by step:

- **A random name.** The file is stored under a random name, not the name it had on your device.
- **A private result link.** The result page has a random address. Only someone who holds that
  link can see the result, so share it only with people you choose.
- **Automatic deletion.** The file, any heat-map pictures and the report are deleted
  automatically when the retention period ends: 24 hours by default.
- **No accounts, no trackers.** You do not sign up to analyse a file, and the site uses no
  advertising or tracking scripts.
- **Nicknames for students.** In a class, students join with a nickname and a code from their
  teacher, with no e-mail address and no password. See [What do classes store about
  students?](/learn/faq/#student-privacy-in-classes)

Even so, think before you upload: leave out private or intimate pictures of yourself or others,
and anything you are not allowed to share.

Technical details: the type of a file is checked from its actual contents before anything is
stored, and files that are too large or not a supported image or video are turned away at once.
The random part of a result address is long enough that it cannot be guessed from other results.
A scheduled job regularly removes expired uploads, overlay images and reports.""",
    },
    {
        "slug": "student-privacy-in-classes",
        "category": "privacy",
        "order": 20,
        "question": "What do classes store about students?",
        "answer": """Students can join a class without giving any personal details. A nickname
and the class code from the teacher are all they need.

- **Nickname only.** No e-mail address, no password and no real name. A nickname that does not
  reveal who you are is the best choice.
- **A small cookie.** The student's browser keeps a random secret in a cookie so the site
  recognises the same nickname next time. Clearing cookies or switching devices means joining
  again.
- **What the teacher sees.** Teachers see how the students in their own classes did on the
  quizzes they set. They cannot see other teachers' classes.
- **No trackers.** Quiz pages carry no advertising or tracking scripts.

Tips for teachers: agree a nickname scheme with your class that avoids full names, and talk
about why a service that collects less data is safer for everyone. That is a media-literacy
lesson in its own right.

A little more detail: answers are also counted anonymously in crowd statistics, such as the
share of players who got an item right and how confident they were on average, so everyone can
compare how tricky an item is. These figures do not show who gave which answer. When a class
member answers a quiz, the site records the answer, the confidence they chose and the time
taken, linked to the nickname rather than to a real identity.""",
    },
]

GLOSSARY = [
    {
        "slug": "deepfake",
        "term": "Deepfake",
        "definition": """A picture, video or sound recording made or changed with artificial
intelligence so that it shows something that did not happen. The name joins "deep learning" and
"fake", and it is now used for most realistic AI-made media.""",
        "related_faq": [
            "what-is-a-deepfake",
            "how-are-deepfakes-made",
            "kinds-of-deepfakes",
        ],
        "see_also": ["synthetic-media", "face-swap", "cheap-fake", "deep-learning"],
    },
    {
        "slug": "artificial-intelligence",
        "term": "Artificial intelligence (AI)",
        "definition": """Computer programs that do tasks we usually connect with human thinking,
such as recognising faces, understanding speech or creating pictures. Most AI today is built
with machine learning rather than with rules written by hand.""",
        "related_faq": ["what-is-a-deepfake", "what-does-the-ai-learn"],
        "see_also": ["machine-learning", "deep-learning", "generative-ai"],
    },
    {
        "slug": "machine-learning",
        "term": "Machine learning",
        "definition": """A way of building computer programs that learn from examples instead of
following rules written by a person. The program adjusts itself until it gives good answers on
its training examples, and is then used on new data.""",
        "related_faq": ["how-are-deepfakes-made", "what-does-the-ai-learn"],
        "see_also": [
            "artificial-intelligence",
            "deep-learning",
            "training",
            "dataset",
        ],
    },
    {
        "slug": "deep-learning",
        "term": "Deep learning",
        "definition": """Machine learning with neural networks that have many layers. Each layer
learns slightly more complex patterns than the one before, from edges and colours up to whole
faces; it is the "deep" in deepfake.""",
        "related_faq": ["how-are-deepfakes-made", "what-does-the-ai-learn"],
        "see_also": ["neural-network", "machine-learning", "deepfake"],
    },
    {
        "slug": "neural-network",
        "term": "Neural network",
        "definition": """A computer model loosely inspired by the brain, made of many connected
units that pass numbers to one another. Learning means adjusting the strength of those
connections, which are called weights.""",
        "related_faq": ["how-are-deepfakes-made", "what-does-the-ai-learn"],
        "see_also": ["deep-learning", "training", "gan"],
    },
    {
        "slug": "training",
        "term": "Training (a model)",
        "definition": """Teaching a machine-learning model by showing it many examples. At each
step the model's error is measured and its weights are nudged to make the error smaller;
training on many images of one face is what lets a deepfake model draw that face.""",
        "related_faq": ["how-are-deepfakes-made", "what-does-the-ai-learn"],
        "see_also": ["dataset", "neural-network", "machine-learning"],
    },
    {
        "slug": "dataset",
        "term": "Dataset",
        "definition": """A collection of examples used to train or test a model, such as
thousands of photos of faces. A model can only be as good, and as fair, as the data it learned
from.""",
        "related_faq": ["what-does-the-ai-learn", "what-does-the-score-mean"],
        "see_also": ["training", "machine-learning", "detector"],
    },
    {
        "slug": "realism",
        "term": "Realism",
        "definition": """How closely a picture, voice or video resembles the real thing.
Deepfake tools are built for realism, so "it looks real" is not evidence that it is real.""",
        "related_faq": [
            "why-deepfakes-look-real",
            "can-you-spot-a-deepfake-by-eye",
        ],
        "see_also": ["deepfake", "gan", "diffusion-model"],
    },
    {
        "slug": "ethics",
        "term": "Ethics",
        "definition": """Thinking about what is right and wrong and how our choices affect other
people. For deepfakes, ethics asks about consent, honesty and harm, not only about what is legal
or technically possible.""",
        "related_faq": [
            "using-ai-tools-responsibly",
            "good-uses-of-deepfakes",
            "satire-art-and-privacy",
        ],
        "see_also": ["consent", "deception", "risk"],
    },
    {
        "slug": "deception",
        "term": "Deception",
        "definition": """Making someone believe something that is not true. Whether a deepfake
is harmless fun or a problem often depends on whether it deceives the people who see it.""",
        "related_faq": [
            "using-ai-tools-responsibly",
            "fake-news-and-propaganda",
            "deepfake-scams",
        ],
        "see_also": ["ethics", "disinformation", "weaponization"],
    },
    {
        "slug": "weaponization",
        "term": "Weaponization",
        "definition": """Turning a tool into a means of harming people. Deepfakes are weaponized
when they are used for fraud, bullying, propaganda or to damage someone's reputation.""",
        "related_faq": [
            "fake-news-and-propaganda",
            "deepfake-scams",
            "deepfakes-of-me-or-friends",
        ],
        "see_also": ["deception", "disinformation", "risk"],
    },
    {
        "slug": "risk",
        "term": "Risk",
        "definition": """The chance that something harmful happens, together with how bad the
harm would be. Knowing the risks of deepfakes helps you take sensible precautions without
panicking.""",
        "related_faq": [
            "fake-news-and-propaganda",
            "deepfake-scams",
            "deepfakes-of-me-or-friends",
            "what-is-the-liars-dividend",
        ],
        "see_also": ["weaponization", "ethics", "liars-dividend"],
    },
    {
        "slug": "gan",
        "term": "GAN (generative adversarial network)",
        "definition": """A type of AI that creates images by letting two neural networks
compete: a generator makes fakes and a discriminator tries to catch them. Each improves by
beating the other, until the generated images look realistic.""",
        "related_faq": ["kinds-of-deepfakes", "why-deepfakes-look-real"],
        "see_also": ["diffusion-model", "generative-ai", "neural-network"],
    },
    {
        "slug": "diffusion-model",
        "term": "Diffusion model",
        "definition": """A type of AI that creates an image by starting from random noise and
removing it step by step until a picture appears. Guided by a text prompt, it is the technology
behind most popular image generators today.""",
        "related_faq": ["kinds-of-deepfakes"],
        "see_also": ["gan", "generative-ai", "synthetic-media"],
    },
    {
        "slug": "generative-ai",
        "term": "Generative AI",
        "definition": """AI that creates new content, such as images, text, music or voices,
instead of only sorting or recognising it. GANs, diffusion models and voice-cloning systems are
all generative AI.""",
        "related_faq": ["kinds-of-deepfakes", "using-ai-tools-responsibly"],
        "see_also": [
            "gan",
            "diffusion-model",
            "synthetic-media",
            "artificial-intelligence",
        ],
    },
    {
        "slug": "synthetic-media",
        "term": "Synthetic media",
        "definition": """Images, video, audio or text made or heavily changed by a computer
program rather than recorded from the real world. Deepfakes are one kind; AI art and
computer-generated film characters are others.""",
        "related_faq": ["what-is-a-deepfake", "good-uses-of-deepfakes"],
        "see_also": ["deepfake", "generative-ai"],
    },
    {
        "slug": "face-swap",
        "term": "Face swap",
        "definition": """Replacing one person's face with another person's face in a photo or
video. Deepfake face swaps use a trained neural network to redraw the new face with the original
person's expressions and lighting.""",
        "related_faq": [
            "how-are-deepfakes-made",
            "how-does-the-analysis-tool-work",
        ],
        "see_also": ["deepfake", "face-reenactment", "lip-sync"],
    },
    {
        "slug": "face-reenactment",
        "term": "Face re-enactment",
        "definition": """Making the face in a photo or video copy the expressions and head
movements of another person, like a puppet. Unlike a face swap, the identity stays the same and
only the movement is borrowed.""",
        "related_faq": ["kinds-of-deepfakes"],
        "see_also": ["face-swap", "lip-sync"],
    },
    {
        "slug": "lip-sync",
        "term": "Lip-sync",
        "definition": """Changing the mouth movements in a video so that they match a different
sound track. It is used honestly to dub films into other languages, and dishonestly to put words
into someone's mouth.""",
        "related_faq": ["kinds-of-deepfakes", "good-uses-of-deepfakes"],
        "see_also": ["voice-cloning", "face-reenactment", "face-swap"],
    },
    {
        "slug": "voice-cloning",
        "term": "Voice cloning",
        "definition": """Using AI to copy a person's voice so that it can be made to say
anything. Modern systems may need only a short recording of the real voice.""",
        "related_faq": [
            "kinds-of-deepfakes",
            "deepfake-scams",
            "good-uses-of-deepfakes",
        ],
        "see_also": ["lip-sync", "generative-ai", "deception"],
    },
    {
        "slug": "cheap-fake",
        "term": "Cheap fake",
        "definition": """Misleading media made with simple editing or a false caption, without
any AI. Slowing down a clip or presenting an old photo as new are typical cheap fakes, also
called shallow fakes.""",
        "related_faq": ["what-is-a-cheap-fake", "how-to-check-a-suspicious-clip"],
        "see_also": ["deepfake", "reverse-image-search", "disinformation"],
    },
    {
        "slug": "disinformation",
        "term": "Disinformation",
        "definition": """False information spread on purpose to mislead people. When false
information is passed on by people who believe it, it is called misinformation.""",
        "related_faq": ["fake-news-and-propaganda"],
        "see_also": ["deception", "weaponization", "cheap-fake"],
    },
    {
        "slug": "liars-dividend",
        "term": "Liar's dividend",
        "definition": """The advantage gained by people who dismiss real evidence as fake
because everyone knows deepfakes exist. It is a harm caused by deepfakes even when no fake has
been made.""",
        "related_faq": ["what-is-the-liars-dividend"],
        "see_also": ["provenance", "risk", "deception"],
    },
    {
        "slug": "consent",
        "term": "Consent",
        "definition": """Freely given permission. Using someone's face or voice in AI-made media
needs their consent, and they should know what it will be used for.""",
        "related_faq": [
            "using-ai-tools-responsibly",
            "good-uses-of-deepfakes",
            "deepfakes-of-me-or-friends",
        ],
        "see_also": ["ethics", "deception"],
    },
    {
        "slug": "reverse-image-search",
        "term": "Reverse image search",
        "definition": """A search where you give a picture instead of typing words, to find
where else it appears online. It often finds the original, with its real date and context.""",
        "related_faq": [
            "how-to-check-a-suspicious-clip",
            "what-is-a-cheap-fake",
            "fake-news-and-propaganda",
        ],
        "see_also": ["provenance", "cheap-fake"],
    },
    {
        "slug": "provenance",
        "term": "Provenance",
        "definition": """The history of a file: where it came from, who made it and what has
been done to it since. Provenance checks ask "where does this come from?" rather than "does this
look fake?".""",
        "related_faq": [
            "what-are-content-credentials",
            "how-does-the-analysis-tool-work",
            "detection-arms-race",
        ],
        "see_also": ["content-credentials", "metadata", "watermark"],
    },
    {
        "slug": "content-credentials",
        "term": "Content Credentials (C2PA)",
        "definition": """A signed label stored inside a file that records how it was made and
edited, including whether AI was used. It follows an open standard from the C2PA (Coalition for
Content Provenance and Authenticity), and changing the file without re-signing it breaks the
signature.""",
        "related_faq": [
            "what-are-content-credentials",
            "how-does-the-analysis-tool-work",
            "what-do-the-results-mean",
        ],
        "see_also": ["provenance", "digital-signature", "digital-source-type"],
    },
    {
        "slug": "digital-signature",
        "term": "Digital signature",
        "definition": """A mathematical seal that shows who signed a file and whether it has
changed since. If even a single pixel is altered afterwards, checking the signature fails.""",
        "related_faq": ["what-are-content-credentials", "what-do-the-results-mean"],
        "see_also": ["content-credentials", "provenance"],
    },
    {
        "slug": "digital-source-type",
        "term": "Digital source type",
        "definition": """A metadata field that says how an image was made, for example captured
by a camera or created by AI. It comes from the IPTC photo metadata standard; the value
`trainedAlgorithmicMedia` means the image was generated by a trained AI model.""",
        "related_faq": [
            "how-does-the-analysis-tool-work",
            "what-do-the-results-mean",
            "what-are-content-credentials",
        ],
        "see_also": ["metadata", "content-credentials"],
    },
    {
        "slug": "watermark",
        "term": "Watermark",
        "definition": """A mark added to media to show who made it or how. Visible watermarks
are logos or text; invisible ones are hidden in the pixels or the sound so that software can
find them even when people cannot.""",
        "related_faq": [
            "how-does-the-analysis-tool-work",
            "using-ai-tools-responsibly",
        ],
        "see_also": ["provenance", "content-credentials", "metadata"],
    },
    {
        "slug": "metadata",
        "term": "Metadata",
        "definition": """Information stored inside a file about the file itself, such as the
date, the camera model or the software used. It is useful but easy to remove or change, so
missing or strange metadata proves nothing on its own.""",
        "related_faq": [
            "how-does-the-analysis-tool-work",
            "why-is-the-result-often-inconclusive",
        ],
        "see_also": ["digital-source-type", "provenance", "watermark"],
    },
    {
        "slug": "compression",
        "term": "Compression",
        "definition": """Making a file smaller by throwing away details that people hardly
notice. Social media platforms compress uploads heavily, which also wipes out many of the traces
that detectors look for.""",
        "related_faq": [
            "why-is-the-result-often-inconclusive",
            "how-does-the-analysis-tool-work",
        ],
        "see_also": ["error-level-analysis", "metadata"],
    },
    {
        "slug": "error-level-analysis",
        "term": "Error level analysis (ELA)",
        "definition": """A check that saves a JPEG image again and compares the copy with the
original to see which areas change more than others. Pasted-in or edited areas sometimes stand
out, but edges, textures and earlier re-saving can cause the same effect, so the result needs
careful reading.""",
        "related_faq": ["how-does-the-analysis-tool-work", "what-is-a-cheap-fake"],
        "see_also": ["compression", "noise-consistency", "copy-move-detection"],
    },
    {
        "slug": "noise-consistency",
        "term": "Noise consistency",
        "definition": """A check of the fine, random grain that every camera photo contains. A
picture taken in one shot should have similar grain everywhere, so a patch with different noise
may have come from somewhere else.""",
        "related_faq": ["how-does-the-analysis-tool-work"],
        "see_also": ["error-level-analysis", "frequency-spectrum"],
    },
    {
        "slug": "copy-move-detection",
        "term": "Copy-move detection",
        "definition": """A check that looks for parts of an image that were copied and pasted
elsewhere in the same image, for example to hide an object or to make a crowd look bigger.""",
        "related_faq": ["how-does-the-analysis-tool-work", "what-is-a-cheap-fake"],
        "see_also": ["error-level-analysis", "noise-consistency"],
    },
    {
        "slug": "frequency-spectrum",
        "term": "Frequency spectrum",
        "definition": """A way of describing an image by how quickly its brightness changes,
from broad shapes to the finest detail. Some AI generators leave regular patterns in the
spectrum that the eye cannot see but software can measure.""",
        "related_faq": ["how-does-the-analysis-tool-work"],
        "see_also": ["noise-consistency", "gan", "diffusion-model"],
    },
    {
        "slug": "detector",
        "term": "Detector",
        "definition": """A program that looks for signs that media was generated or edited.
Detectors give probabilities, not proof, and can miss fakes made with methods they were not
trained on.""",
        "related_faq": [
            "what-detectors-can-and-cannot-tell",
            "detection-arms-race",
            "how-does-the-analysis-tool-work",
        ],
        "see_also": ["false-positive", "false-negative", "probability"],
    },
    {
        "slug": "inconclusive",
        "term": "Inconclusive",
        "definition": """A result that does not settle the question either way. Our tool says
"We can't tell" when its checks do not apply to a file or their evidence is too weak to support
a clear answer.""",
        "related_faq": [
            "why-is-the-result-often-inconclusive",
            "what-do-the-results-mean",
        ],
        "see_also": ["detector", "confidence"],
    },
    {
        "slug": "false-positive",
        "term": "False positive",
        "definition": """When a test reports something that is not really there, such as a real
photo flagged as fake. Good detectors keep false positives rare, because wrongly accusing real
media can hurt people.""",
        "related_faq": [
            "what-detectors-can-and-cannot-tell",
            "what-does-the-score-mean",
            "why-is-the-result-often-inconclusive",
        ],
        "see_also": ["false-negative", "probability", "detector"],
    },
    {
        "slug": "false-negative",
        "term": "False negative",
        "definition": """When a test misses something that is really there, such as a fake that
shows no signs of manipulation. No detector avoids false negatives completely, so "no signs
found" is never proof that a file is real.""",
        "related_faq": [
            "what-detectors-can-and-cannot-tell",
            "what-does-the-score-mean",
        ],
        "see_also": ["false-positive", "probability", "detector"],
    },
    {
        "slug": "probability",
        "term": "Probability",
        "definition": """A number from 0 to 1, or 0 % to 100 %, that says how likely something
is. A probability of 80 % that a file was manipulated means that among files like it about eight
in ten were manipulated, and two in ten were not.""",
        "related_faq": ["what-does-the-score-mean", "what-do-the-results-mean"],
        "see_also": ["confidence", "false-positive", "false-negative"],
    },
    {
        "slug": "confidence",
        "term": "Confidence",
        "definition": """How sure a person or a tool is about an answer. Feeling confident is
not the same as being right: a well-calibrated tool's confidence matches how often it is
actually correct, and our quizzes show how your confidence compares with your score.""",
        "related_faq": [
            "what-does-the-score-mean",
            "can-you-spot-a-deepfake-by-eye",
        ],
        "see_also": ["probability", "inconclusive"],
    },
]
