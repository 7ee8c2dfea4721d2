"""Shape a video report for its result page: an SVG timeline of face scores per track (with a
table of the same numbers), the strongest moments and the gallery of kept frames."""

from __future__ import annotations

from .analysis.face_model import percent_value

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 34  # room for the axis labels
TRACK_COLOURS = ["#b7791f", "#0f7fa8", "#3b8a2e", "#b4367e", "#c0392b"]


def _x(time_s: float, duration: float) -> float:
    return round(LEFT + (WIDTH - LEFT - RIGHT) * min(max(time_s / duration, 0), 1), 1)


def _y(probability: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(max(probability, 0), 1)), 1)


def clock(seconds: float) -> str:
    minutes, rest = divmod(max(seconds, 0.0), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def timeline_for_display(video: dict, overlay_url) -> dict:
    """`overlay_url(name)` gives the URL of a stored kept frame."""
    duration = max(float(video.get("duration_s") or 0), 1e-6)
    kept = {f["frame"]: f for f in video.get("frames", [])}
    tracks, rows = [], []
    for index, track in enumerate(video.get("tracks", [])):
        colour = TRACK_COLOURS[index % len(TRACK_COLOURS)]
        points = []
        for point in track["points"]:
            probability = point.get("probability")
            frame = kept.get(point["frame"])
            entry = {
                "time": clock(point["time_s"]),
                "time_s": point["time_s"],
                "percent": _percent(probability),
                "x": _x(point["time_s"], duration),
                "y": _y(probability) if probability is not None else None,
                "anchor": f"frame-{point['frame']}" if frame else None,
                "track": track["track"],
            }
            points.append(entry)
            rows.append(entry)
        scored = [p for p in points if p["y"] is not None]
        tracks.append(
            {
                "id": track["track"],
                "colour": colour,
                "points": scored,
                "path": " ".join(f"{p['x']},{p['y']}" for p in scored),
                "frames": track["frames"],
                "start": clock(track["start_s"]),
                "end": clock(track["end_s"]),
                "median": _percent(track.get("median")),
                "top_k_mean": _percent(track.get("top_k_mean")),
                "top_k": track.get("top_k"),
                "share_above": _percent(track.get("share_above")),
            }
        )
    threshold = video.get("threshold")
    ticks = _ticks(duration)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot_left": LEFT,
        "plot_right": WIDTH - RIGHT,
        "plot_bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 10,
        "y_labels": [{"y": _y(v / 100), "label": f"{v} %"} for v in (0, 50, 100)],
        "x_ticks": [{"x": _x(t, duration), "label": clock(t)} for t in ticks],
        "threshold": None
        if threshold is None
        else {"y": _y(threshold), "percent": _percent(threshold)},
        "tracks": tracks,
        "rows": sorted(rows, key=lambda r: (r["time_s"], r["track"])),
        "scored": any(t["points"] for t in tracks),
        "moments": [
            {
                **m,
                "time": clock(m["time_s"]),
                "percent": _percent(m["probability"]),
                "anchor": f"frame-{m['frame']}" if m["frame"] in kept else None,
            }
            for m in video.get("moments", [])
        ],
        "frames": [
            {
                **f,
                "time": clock(f["time_s"]),
                "url": overlay_url(f["overlay"]),
                "faces": [
                    face | {"percent": _percent(face.get("probability"))}
                    for face in f.get("faces", [])
                ],
                "anchor": f"frame-{f['frame']}",
            }
            for f in video.get("frames", [])
        ],
        "duration": clock(duration),
        "sampled": video.get("sampled"),
        "decoded": video.get("decoded"),
        "cuts": video.get("cuts"),
    }


def _percent(value) -> int | float | None:
    return None if value is None else percent_value(value)


def _ticks(duration: float) -> list[float]:
    for step in (1, 2, 5, 10, 15, 30, 60):
        if duration / step <= 8:
            break
    count = int(duration // step)
    return [i * step for i in range(count + 1)]
