namespace WorkPermit.Rules.Engine.Tests;
public class PlaceholderTests { [Fact] public void Works() => Assert.True(FsCheck.Gen.Constant(1) is not null); }
