"""Where things are: the street, its communities and their unit grids."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, BigId


class Street(Base):
    """A sub-district (街道); codes follow GB/T 2260 district + 3 digits."""

    __tablename__ = "street"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    district_name: Mapped[str] = mapped_column(String(64), default="")
    # Polygon outline as [[lon, lat], ...] in WGS-84.
    boundary: Mapped[list[Any]] = mapped_column(default=list)
    center_lon: Mapped[float] = mapped_column(Float)
    center_lat: Mapped[float] = mapped_column(Float)

    communities: Mapped[list[Community]] = relationship(back_populates="street")


class Community(Base):
    """A community (社区) inside a street; the level where most cases should end."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    boundary: Mapped[list[Any]] = mapped_column(default=list)
    population: Mapped[int] = mapped_column(default=0)

    street: Mapped[Street] = relationship(back_populates="communities")
    grids: Mapped[list[Grid]] = relationship(back_populates="community")


class Grid(Base):
    """A unit grid (单元网格): 15-digit DB11 code, closed polygon, area and owner."""

    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    code: Mapped[str] = mapped_column(String(15), unique=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    boundary: Mapped[list[Any]] = mapped_column(default=list)
    area_m2: Mapped[float] = mapped_column(Float, default=0.0)
    responsible_body: Mapped[str] = mapped_column(String(128), default="")
    # Bounding box, so point-in-polygon only tests a handful of candidates.
    min_lon: Mapped[float] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lon: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)

    community: Mapped[Community] = relationship(back_populates="grids")
