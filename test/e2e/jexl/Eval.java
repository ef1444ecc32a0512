// evaluates JEXL scripts the way JMeter 5.4.3's __jexl3 does (createScript, strict, empty MapContext)
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.MapContext;

public class Eval {
  public static void main(String[] scripts) {
    JexlEngine jexl = new JexlBuilder().cache(512).silent(false).strict(true).debug(false).create();
    for (String s : scripts) {
      try {
        Object o = jexl.createScript(s).execute(new MapContext());
        System.out.println(o);
      } catch (Exception e) {
        System.out.println("ERROR " + e.getMessage().replace('\n', ' '));
      }
    }
  }
}
