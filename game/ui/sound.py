"""Interface sounds, synthesised with numpy at start-up (no audio files to ship).

A soft click when an order is queued and a two-note chime when a month resolves. If the mixer
cannot start (no audio device, a headless server) the game stays silent; the Sound setting turns
them off.
"""

from __future__ import annotations

import numpy as np
import pygame

_SOUNDS: dict[str, pygame.mixer.Sound] = {}
_FAILED = False
RATE = 22050


def _tone(freqs: tuple[float, ...], seconds: float, volume: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    wave = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs)
    envelope = np.exp(-t * 9.0) * np.minimum(1.0, t * 400)
    return (wave * envelope * volume * 32767).astype(np.int16)


def _build() -> None:
    global _FAILED
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        channels = pygame.mixer.get_init()[2]

        def make(samples: np.ndarray) -> pygame.mixer.Sound:
            data = samples if channels == 1 else np.repeat(samples[:, None], channels, axis=1)
            return pygame.sndarray.make_sound(np.ascontiguousarray(data))

        _SOUNDS["click"] = make(_tone((880.0,), 0.06, 0.25))
        chime = np.concatenate([_tone((523.25, 659.25), 0.18, 0.3), _tone((783.99,), 0.3, 0.3)])
        _SOUNDS["turn"] = make(chime)
    except (pygame.error, ValueError, TypeError):
        _FAILED = True


def play(name: str, enabled: bool) -> None:
    """Play sound `name` ("click", "turn") if sounds are on and the mixer works."""
    if not enabled or _FAILED:
        return
    if not _SOUNDS:
        _build()
    sound = _SOUNDS.get(name)
    if sound is not None:
        sound.play()
