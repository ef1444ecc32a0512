// Static fidelity check, run on JMeter's own classpath (see static.test.ts):
//   java -Djava.awt.headless=true -cp "$HOME/lib/*:$HOME/lib/ext/*" groovy.ui.GroovyMain check.groovy $HOME file.jmx...
// For each file: SaveService.loadTree must succeed; every guiclass/testclass must resolve; every property the
// file sets must be one the element's GUI writes (GUI built on a display or headless, configure(el), then
// modifyTestElement into a fresh createTestElement()), or for TestBeanGUI elements one of the bean's property descriptors.
// Prints one JSON object per file on stdout.
import groovy.json.JsonOutput
import java.beans.Introspector
import org.apache.jmeter.gui.JMeterGUIComponent
import org.apache.jmeter.save.SaveService
import org.apache.jmeter.testbeans.TestBean
import org.apache.jmeter.testbeans.gui.TestBeanGUI
import org.apache.jmeter.testelement.TestElement
import org.apache.jmeter.testelement.property.CollectionProperty
import org.apache.jmeter.testelement.property.JMeterProperty
import org.apache.jmeter.testelement.property.MultiProperty
import org.apache.jmeter.testelement.property.TestElementProperty
import org.apache.jmeter.util.JMeterUtils
import org.apache.jorphan.collections.HashTree

def home = args[0]
// properties an older plugin version's GUI writes (legacy.properties beside this script)
LEGACY = new Properties()
new File(new File(getClass().protectionDomain.codeSource.location.path).parentFile, "legacy.properties").withReader { LEGACY.load(it) }
JMeterUtils.setJMeterHome(home)
JMeterUtils.loadJMeterProperties("${home}/bin/jmeter.properties")
JMeterUtils.setLocale(Locale.ENGLISH)
SaveService.loadProperties()

// set on every element by the loader or the GUI framework, not by an element's own GUI
META = [TestElement.GUI_CLASS, TestElement.TEST_CLASS, TestElement.NAME, TestElement.ENABLED, TestElement.COMMENTS] as Set

Class resolve(String name) {
  if (!name) return null
  Class.forName(SaveService.aliasToClass(name), false, Thread.currentThread().contextClassLoader)
}

List<String> names(TestElement el) {
  def out = []
  def it = el.propertyIterator()
  while (it.hasNext()) out << it.next().name
  out
}

// compare the properties of `mine` with what the GUI wrote into `gui`; `path` names where they sit
void compare(TestElement mine, TestElement gui, String path, Map r) {
  def known = names(gui) as Set
  for (p in names(mine)) {
    if (p in META) continue
    def where = path ? "${path}/${p}" : p
    if (!(p in known)) { r.unknown << where; continue }
    compareValue(mine.getProperty(p), gui.getProperty(p), where, r)
  }
  for (p in known) if (!(p in META) && !(p in names(mine))) r.missing << (path ? "${path}/${p}" : p)
}

void compareValue(JMeterProperty a, JMeterProperty b, String where, Map r) {
  if (a instanceof TestElementProperty && b instanceof TestElementProperty) {
    compare(a.getElement(), b.getElement(), where, r)
  } else if (a instanceof CollectionProperty && b instanceof CollectionProperty) {
    def xs = a.getObjectValue() as List, ys = b.getObjectValue() as List
    if (xs.size() != ys.size()) { r.values << [where, "${xs.size()} items", "${ys.size()} items"]; return }
    xs.eachWithIndex { x, i -> compareValue(x as JMeterProperty, ys[i] as JMeterProperty, "${where}[${i}]", r) }
  } else if (!(a instanceof MultiProperty) && !(b instanceof MultiProperty)) {
    if (a.stringValue != b.stringValue) r.values << [where, a.stringValue, b.stringValue]
  }
}

void checkElement(TestElement el, String path, Map r) {
  def here = "${path}/${el.name}"
  def e = [path: here, testclass: el.getPropertyAsString(TestElement.TEST_CLASS), guiclass: el.getPropertyAsString(TestElement.GUI_CLASS),
           unknown: [], missing: [], values: []]
  r.elements << e
  Class gc
  try {
    resolve(e.testclass)
    gc = resolve(e.guiclass)
    if (gc == null) { e.error = "no guiclass"; return }
  } catch (Throwable t) { e.error = "class not found: ${t.message}"; return }
  try {
    if (gc == TestBeanGUI) {
      if (!(el instanceof TestBean)) { e.error = "TestBeanGUI on a class that is not a TestBean"; return }
      def known = Introspector.getBeanInfo(el.getClass()).propertyDescriptors*.name as Set
      for (p in names(el)) if (!(p in META) && !(p in known)) e.unknown << p
    } else {
      JMeterGUIComponent gui = gc.getDeclaredConstructor().newInstance()
      gui.configure(el)
      // createTestElement() alone does not always apply the GUI state (TransactionControllerGui's does not)
      def fresh = gui.createTestElement()
      gui.modifyTestElement(fresh)
      compare(el, fresh, "", e)
    }
  } catch (Throwable t) {
    e.error = "GUI failed: ${t.class.name}: ${t.message}"
  }
  def legacy = (LEGACY.getProperty(el.getClass().name) ?: "").split(",")*.trim() as Set
  e.legacy = e.unknown.findAll { it in legacy }
  e.unknown.removeAll(e.legacy)
}

void walk(HashTree tree, String path, Map r) {
  for (key in tree.list()) {
    if (key instanceof TestElement) {
      checkElement(key, path, r)
      walk(tree.getTree(key), "${path}/${key.name}", r)
    }
  }
}

for (f in args.drop(1)) {
  def r = [file: f, elements: []]
  try {
    walk(SaveService.loadTree(new File(f)), "", r)
  } catch (Throwable t) {
    def c = t
    while (c.cause != null && c.cause != c) c = c.cause
    r.loadError = "${t.class.name}: ${t.message}" + (c != t ? " (cause: ${c.class.name}: ${c.message})" : "")
  }
  println JsonOutput.toJson(r)
}
System.exit(0)
