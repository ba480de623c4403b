"""Opening pictures safely (Pillow only: no Qt, no database): the one door every imaging
module decodes through (ingest, thumbnails, tiles).

* `check_file` refuses missing, unreadable, non-regular and empty files;
* `open_checked` opens only the formats an exhibition has a use for, and checks the pixel
  count from the header, before any pixel data is decoded;
* `load_checked` decodes completely, so truncated or damaged files are refused
  (``ImageFile.LOAD_TRUNCATED_IMAGES`` is never touched and must stay False);
* `exif_orientation` reads the EXIF orientation to apply.

Every refusal is an `ImageRefused` whose ``reason`` is one line a curator can read.

Historic map scans are legitimately huge, so Pillow's default pixel limit (about
89 megapixels) is too small. The limit is never removed: while a caller works,
``Image.MAX_IMAGE_PIXELS`` is set to the caller's ``max_pixels`` through
`pixel_limit`, a shared lease that concurrent calls with the same limit hold
together, and that restores Pillow's previous value when the last one leaves.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError

from exhibition_app.errors import InvalidInput, Refused

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "ORIENTATION_TRANSPOSE",
    "ImageRefused",
    "check_file",
    "check_max_pixels",
    "display_name",
    "exif_orientation",
    "load_checked",
    "open_checked",
    "over_limit_reason",
    "pixel_amount",
    "pixel_limit",
    "transpose_in_place",
]

#: Two gigapixels: large enough for very big historic map scans, small enough to
#: stop a hostile or broken header from asking for terabytes of memory.
DEFAULT_MAX_PIXELS = 2_000_000_000

# Formats Pillow may try when opening a file. Deliberately excludes plugins that
# run external programs (EPS through Ghostscript), Windows metafiles, fonts,
# scientific containers and other formats with no place in an exhibition.
_ACCEPTED_FORMATS = (
    "JPEG",
    "PNG",
    "TIFF",
    "WEBP",
    "GIF",
    "JPEG2000",
    "AVIF",
    "BMP",
    "DIB",
    "PSD",
    "TGA",
    "PPM",
    "QOI",
)
# Formats whose header can be parsed without allocating pixel memory; used only to
# name the dimensions of a file Pillow already refused as far too large.
_PROBE_FORMATS = ("PNG", "JPEG", "TIFF", "GIF", "BMP", "PSD", "PPM", "JPEG2000")

_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"II+\x00", "TIFF"),
    (b"MM\x00+", "TIFF"),
    (b"BM", "BMP"),
)
_PILLOW_PIXELS = re.compile(r"Image size \((\d+) pixels\)")


class ImageRefused(Refused):
    """An image that cannot be brought into the exhibition.

    ``reason`` is a single line naming the file, written for curators, e.g.
    ``"bad.jpg: the file is empty (0 bytes)"``; ``str(exc)`` is the same text.
    The underlying Pillow or OS error, when there is one, is chained as
    ``__cause__`` for logs.
    """

    def __init__(self, reason: str) -> None:
        reason = " ".join(reason.split())
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- limits


class _PixelLimitLease:
    """Sets ``Image.MAX_IMAGE_PIXELS`` while any thread is working under a limit.

    Threads asking for the same limit share the lease and run concurrently; a thread
    asking for a different limit waits until the current holders have left. The
    value Pillow had before is restored when the last holder leaves.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active = 0
        self._value = 0
        self._saved: int | None = None
        self._local = threading.local()

    @contextlib.contextmanager
    def hold(self, limit: int) -> Iterator[None]:
        held: list[int] = self._local.__dict__.setdefault("held", [])
        if held and held[-1] != limit:
            raise RuntimeError(
                f"pixel_limit({limit}) requested while this thread holds pixel_limit({held[-1]})"
            )
        with self._cond:
            while self._active and self._value != limit:
                self._cond.wait()
            if not self._active:
                self._saved = Image.MAX_IMAGE_PIXELS
                Image.MAX_IMAGE_PIXELS = limit
                self._value = limit
            self._active += 1
        held.append(limit)
        try:
            yield
        finally:
            held.pop()
            with self._cond:
                self._active -= 1
                if not self._active:
                    Image.MAX_IMAGE_PIXELS = self._saved
                    self._cond.notify_all()


_LEASE = _PixelLimitLease()
# Serialises Image.open() so the warnings filter below never interleaves between
# our own threads (warnings.catch_warnings is process-global). Opening only parses
# headers, so this lock is held briefly.
_OPEN_LOCK = threading.Lock()


def check_max_pixels(max_pixels: int) -> None:
    if isinstance(max_pixels, bool) or not isinstance(max_pixels, int) or max_pixels < 1:
        raise InvalidInput(f"the pixel limit must be a whole number above 0, not {max_pixels!r}")


def pixel_limit(max_pixels: int) -> contextlib.AbstractContextManager[None]:
    """Context manager: run Pillow work with ``Image.MAX_IMAGE_PIXELS == max_pixels``.

    Pillow checks the limit while opening and again while loading some formats
    (TIFF, GIF), so the whole open-decode-convert sequence should run inside it.
    Nesting is allowed with the same limit; a different limit in the same thread
    raises RuntimeError instead of deadlocking.
    """
    check_max_pixels(max_pixels)
    return _LEASE.hold(max_pixels)


# --------------------------------------------------------------------------- wording


def display_name(path: Path) -> str:
    """The file name as shown in a refusal: one line, control characters replaced."""
    name = path.name or str(path)
    return "".join(
        "\ufffd" if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in name
    )


def _amount(pixels: int, decimals: int = 1) -> str:
    if pixels >= 1_000_000_000:
        return f"{pixels / 1e9:.{decimals}f} gigapixels"
    if pixels >= 1_000_000:
        return f"{pixels / 1e6:.{decimals}f} megapixels"
    return f"{pixels:,} pixels"


def pixel_amount(pixels: int) -> str:
    """``pixels`` as a curator reads it: "1.9 gigapixels", "150.0 megapixels", "3,072 pixels"."""
    return _amount(pixels)


def _amounts(pixels: int, limit: int) -> tuple[str, str]:
    """Both amounts, with enough decimals that they do not read as equal."""
    for decimals in (1, 2, 3):
        a, b = _amount(pixels, decimals), _amount(limit, decimals)
        if a != b:
            break
    return a, b


def over_limit_reason(name: str, size: tuple[int, int] | None, pixels: int, limit: int) -> str:
    amount, limit_text = _amounts(pixels, limit)
    if size is not None:
        return f"{name}: {size[0]}x{size[1]} pixels ({amount}) is over the limit of {limit_text}"
    return f"{name}: {amount} is over the limit of {limit_text}"


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fp:
            return fp.read(512)
    except OSError:
        return b""


def _damaged_header(path: Path) -> str:
    reason = _sniff_unidentified(_head(path))
    if reason.startswith("the image is truncated"):
        return reason
    return "the image is truncated or damaged (unreadable header)"


def _sniff_unidentified(head: bytes) -> str:
    """What to tell a curator about a file Pillow could not identify."""
    for signature, fmt in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return f"the image is truncated or damaged (the {fmt} header cannot be read)"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "the image is truncated or damaged (the WEBP header cannot be read)"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIC/HEIF photos are not supported (export it as JPEG first)"
        if brand in (b"avif", b"avis"):
            return "this AVIF image cannot be read (export it as JPEG or PNG first)"
    if head.startswith(b"%PDF"):
        return "not an image (it is a PDF document; export the page as PNG or TIFF)"
    if head.startswith((b"%!PS", b"\xc5\xd0\xd3\xc6")):
        return "PostScript/EPS files are not supported (export it as PNG or TIFF)"
    if b"<svg" in head.lower():
        return "SVG drawings are not supported (export it as PNG)"
    return "not an image (the file holds text or an unknown format)"


# --------------------------------------------------------------------------- open/load


def check_file(path: Path, name: str) -> int:
    """Refuse missing, unreadable, non-regular and empty files; return the size."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ImageRefused(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ImageRefused(f"{name}: cannot read the file (it is a folder, not a file)")
    if not stat.S_ISREG(st.st_mode):  # FIFOs and devices would block or never end
        raise ImageRefused(f"{name}: cannot read the file (not a regular file)")
    if st.st_size == 0:
        raise ImageRefused(f"{name}: the file is empty (0 bytes)")
    return st.st_size


def _accepted_formats() -> tuple[str, ...]:
    Image.init()
    return tuple(f for f in _ACCEPTED_FORMATS if f in Image.OPEN)


def _probe_size(path: Path) -> tuple[int, int] | None:
    """Header-only size of an image Pillow refused as a decompression bomb.

    Calls the format plugin directly (no global limit involved); only formats
    whose header parsing allocates no pixel memory are tried.
    """
    try:
        with open(path, "rb") as fp:
            prefix = fp.read(16)
            for fmt in _PROBE_FORMATS:
                entry = Image.OPEN.get(fmt)
                if entry is None:
                    continue
                factory, accept = entry
                accepted = accept(prefix) if accept else True
                if not accepted or isinstance(accepted, str):
                    continue
                fp.seek(0)
                size = factory(fp, os.fspath(path)).size
                return int(size[0]), int(size[1])
    except Exception:
        return None
    return None


def _refuse_bomb(path: Path, name: str, exc: Exception, max_pixels: int) -> ImageRefused:
    size = _probe_size(path)
    if size is not None:
        pixels = size[0] * size[1]
    else:
        match = _PILLOW_PIXELS.search(str(exc))
        pixels = int(match.group(1)) if match else 0
    if pixels <= max_pixels:  # could not tell how big: still refuse, plainly
        return ImageRefused(
            f"{name}: the image is too large (over the limit of {_amount(max_pixels)})"
        )
    return ImageRefused(over_limit_reason(name, size, pixels, max_pixels))


def open_checked(path: Path, name: str, max_pixels: int) -> ImageFile.ImageFile:
    """Open (header only) and check the pixel count. Call inside `pixel_limit`.

    The returned image is not decoded yet; the caller must close it.
    """
    try:
        with _OPEN_LOCK, warnings.catch_warnings():
            # Images between max_pixels and 2*max_pixels only make Pillow warn; the
            # explicit check below refuses them with their dimensions.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path, formats=_accepted_formats())
    except Image.DecompressionBombError as exc:
        raise _refuse_bomb(path, name, exc, max_pixels) from exc
    except UnidentifiedImageError as exc:
        raise ImageRefused(f"{name}: {_sniff_unidentified(_head(path))}") from exc
    except OSError as exc:
        if exc.errno is not None:
            raise ImageRefused(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
        raise ImageRefused(f"{name}: {_damaged_header(path)}") from exc
    except MemoryError as exc:
        raise ImageRefused(f"{name}: not enough memory to read the image header") from exc
    except Exception as exc:  # malformed headers make plugins raise almost anything
        raise ImageRefused(f"{name}: {_damaged_header(path)}") from exc

    width, height = im.size
    if width < 1 or height < 1:
        im.close()
        raise ImageRefused(f"{name}: the image has no pixels ({width}x{height})")
    if width * height > max_pixels:
        im.close()
        raise ImageRefused(over_limit_reason(name, (width, height), width * height, max_pixels))
    return im


def load_checked(im: Image.Image, name: str, max_pixels: int) -> None:
    """Decode the current frame completely, turning failures into `ImageRefused`."""
    fmt = im.format or "image"
    try:
        im.load()
    except Image.DecompressionBombError as exc:  # e.g. a GIF frame larger than its canvas
        raise ImageRefused(
            f"{name}: the image is too large (part of it is over the limit of "
            f"{_amount(max_pixels)})"
        ) from exc
    except MemoryError as exc:
        w, h = im.size
        raise ImageRefused(
            f"{name}: not enough memory to open {w}x{h} pixels ({_amount(w * h)})"
        ) from exc
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise ImageRefused(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
        text = str(exc).lower()
        if isinstance(exc, EOFError) or "truncated" in text or "end of" in text:
            detail = f"{fmt} data ends early"
        else:
            detail = f"{fmt} data is corrupt"
        raise ImageRefused(f"{name}: the image is truncated or damaged ({detail})") from exc


# --------------------------------------------------------------------------- orientation

ORIENTATION_TRANSPOSE: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def exif_orientation(im: Image.Image) -> int:
    """EXIF orientation 1..8 (1 when absent, unreadable or invalid). Call after load."""
    try:
        value = im.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and value in ORIENTATION_TRANSPOSE else 1


def transpose_in_place(im: Image.Image, orientation: int) -> None:
    """Turn the decoded ``im`` upright per EXIF ``orientation``, in place."""
    try:
        ImageOps.exif_transpose(im, in_place=True)
    except Exception:
        # Damaged EXIF that still named an orientation: rotate, drop the EXIF.
        im.im = im.im.transpose(ORIENTATION_TRANSPOSE[orientation])
        im._size = im.im.size
        im.info.pop("exif", None)
