import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from newsroom.models import Contact, MediaAsset, PressRelease, ReleaseContact
from rankings.models import Award, Ranking


def jpeg_file(name="photo.jpg", size=(640, 360), color=(20, 90, 140)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name=name)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name_fr = factory.Sequence(lambda n: f"Camille Martin {n}")
    name_en = factory.SelfAttribute("name_fr")
    role_fr = "Chargée des relations presse"
    role_en = "Press officer"
    organisation_fr = "IMT Mines Alès"
    organisation_en = "IMT Mines Alès"
    email = factory.Sequence(lambda n: f"presse{n}@example.org")
    phone = "+33 4 66 78 50 00"


class PictureFactory(factory.django.DjangoModelFactory):
    """A picture of the media library."""

    class Meta:
        model = MediaAsset

    kind = MediaAsset.Kind.PICTURE
    picture = factory.LazyFunction(jpeg_file)
    alt_text_fr = "Une photo du campus"
    alt_text_en = "A photo of the campus"
    credit = "Service communication"


class PressReleaseFactory(factory.django.DjangoModelFactory):
    """A release published yesterday in French and English, both ready."""

    class Meta:
        model = PressRelease

    title_fr = factory.Sequence(lambda n: f"Communiqué numéro {n}")
    title_en = factory.Sequence(lambda n: f"Press release number {n}")
    slug_fr = factory.Sequence(lambda n: f"communique-{n}")
    slug_en = factory.Sequence(lambda n: f"press-release-{n}")
    standfirst_fr = "Un chapô qui résume le communiqué."
    standfirst_en = "A standfirst that sums up the release."
    body_fr = "<p>Le texte du communiqué.</p>"
    body_en = "<p>The text of the release.</p>"
    dateline = "Alès"
    status = PressRelease.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ready_fr = True
    ready_en = True

    class Params:
        french_only = factory.Trait(
            title_en="", slug_en=None, standfirst_en="", body_en="", ready_en=False
        )
        draft = factory.Trait(status=PressRelease.Status.DRAFT)
        in_review = factory.Trait(status=PressRelease.Status.IN_REVIEW)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))
        )
        with_image = factory.Trait(hero=factory.SubFactory(PictureFactory))


class ReleaseContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReleaseContact

    release = factory.SubFactory(PressReleaseFactory)
    contact = factory.SubFactory(ContactFactory)


class RankingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ranking

    name_fr = factory.Sequence(lambda n: f"Classement {n}")
    name_en = factory.Sequence(lambda n: f"Ranking {n}")
    slug = factory.Sequence(lambda n: f"ranking-{n}")
    publisher_fr = "Commission européenne (programme Erasmus+)"
    publisher_en = "European Commission (Erasmus+ programme)"
    website = "https://ranking.example.org/"
    methodology_url = "https://ranking.example.org/methodology/"
    description_fr = "<p>Un classement multidimensionnel.</p>"
    description_en = "<p>A multidimensional ranking.</p>"


class AwardFactory(factory.django.DjangoModelFactory):
    """A national first place, tied, in teaching and learning."""

    class Meta:
        model = Award

    ranking = factory.SubFactory(RankingFactory)
    year = 2021
    category_fr = "Enseignement et apprentissage"
    category_en = "Teaching and learning"
    scope = Award.Scope.NATIONAL
    result_kind = Award.ResultKind.RANK
    rank = 1
    is_tied = True
